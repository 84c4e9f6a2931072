package main

import (
	"bufio"
	"bytes"
	"errors"
	"io"
	"io/fs"
	"maps"
	"path/filepath"
	"slices"
	"sort"
	"strconv"
	"strings"

	appsv1 "k8s.io/api/apps/v1"
	autoscalingv2 "k8s.io/api/autoscaling/v2"
	batchv1 "k8s.io/api/batch/v1"
	corev1 "k8s.io/api/core/v1"
	networkingv1 "k8s.io/api/networking/v1"
	policyv1 "k8s.io/api/policy/v1"
	metav1 "k8s.io/apimachinery/pkg/apis/meta/v1"
	"k8s.io/apimachinery/pkg/labels"
	"k8s.io/apimachinery/pkg/runtime"
	"k8s.io/apimachinery/pkg/runtime/serializer/json"
	"k8s.io/apimachinery/pkg/util/intstr"
	"k8s.io/apimachinery/pkg/util/validation"
	utilyaml "k8s.io/apimachinery/pkg/util/yaml"
	gatewayv1 "sigs.k8s.io/gateway-api/apis/v1"
	"sigs.k8s.io/yaml"

	egv1alpha1 "github.com/envoyproxy/gateway/api/v1alpha1"
)

// The only paths a probe may use: the apps' Spring Boot actuator endpoints.
var actuatorPaths = []string{
	"/actuator/health", "/actuator/health/liveness", "/actuator/health/readiness",
	"/actuator/prometheus", "/actuator/info",
}

// strictDecoder decodes YAML into the Kubernetes API types, the Gateway API's and Envoy Gateway's,
// failing on unknown fields, duplicate fields, wrong types and kinds outside the API groups a
// deployment of this app uses.
var strictDecoder = func() runtime.Decoder {
	scheme := runtime.NewScheme()
	for _, add := range []func(*runtime.Scheme) error{
		corev1.AddToScheme, appsv1.AddToScheme, batchv1.AddToScheme,
		autoscalingv2.AddToScheme, networkingv1.AddToScheme, policyv1.AddToScheme,
		gatewayv1.Install, egv1alpha1.AddToScheme,
	} {
		if err := add(scheme); err != nil {
			panic(err)
		}
	}
	return json.NewSerializerWithOptions(json.DefaultMetaFactory, scheme, scheme,
		json.SerializerOptions{Yaml: true, Strict: true})
}()

// object is one decoded document of a manifest file.
type object struct {
	file string
	kind string
	name string
	obj  runtime.Object
}

func (o object) String() string { return describe(o.kind, o.name) }

// workload is a pod template with what owns it.
type workload struct {
	object
	labels    map[string]string
	pod       *corev1.PodSpec
	replicas  *int32
	claims    []string // volumeClaimTemplates
	isService bool     // long-running (Deployment, StatefulSet): a Service may select it
}

// manifests is everything under k8s/ except Helm values.
type manifests struct {
	files     []string // every manifest file, slash-separated, relative to the root
	objects   []object
	workloads []workload
	services  map[string]*corev1.Service
	serviceAt map[string]string // Service name -> file
	configs   map[string]*corev1.ConfigMap
}

func loadManifests(r *report) *manifests {
	m := &manifests{services: map[string]*corev1.Service{}, serviceAt: map[string]string{}, configs: map[string]*corev1.ConfigMap{}}
	err := filepath.WalkDir(r.path("k8s"), func(path string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		ext := filepath.Ext(path)
		if d.IsDir() || (ext != ".yaml" && ext != ".yml") || d.Name() == "values.yaml" {
			return nil
		}
		rel, _ := filepath.Rel(r.root, path)
		m.files = append(m.files, filepath.ToSlash(rel))
		return nil
	})
	if err != nil {
		r.addf("k8s", "cannot list manifests: %v", err)
	}
	sort.Strings(m.files)
	for _, file := range m.files {
		data, ok := r.read(file)
		if !ok {
			continue
		}
		m.decodeFile(r, file, data)
	}
	return m
}

func (m *manifests) decodeFile(r *report, file string, data []byte) {
	docs := utilyaml.NewYAMLReader(bufio.NewReader(bytes.NewReader(data)))
	for n := 1; ; n++ {
		doc, err := docs.Read()
		if errors.Is(err, io.EOF) {
			return
		}
		if err != nil {
			r.addf(file, "document %d: %v", n, err)
			return
		}
		var probe map[string]any
		if err := yaml.Unmarshal(doc, &probe); err != nil {
			r.addf(file, "document %d is not YAML: %v", n, err)
			continue
		}
		if len(probe) == 0 {
			continue // only comments
		}
		obj, gvk, err := strictDecoder.Decode(doc, nil, nil)
		if err != nil {
			r.addf(file, "document %d: %v", n, err)
		}
		if obj == nil || gvk == nil {
			continue
		}
		meta, ok := obj.(metav1.Object)
		if !ok {
			continue
		}
		o := object{file: file, kind: gvk.Kind, name: meta.GetName(), obj: obj}
		if o.name == "" {
			r.addf(file, "document %d: %s has no metadata.name", n, gvk.Kind)
		} else if errs := validation.IsDNS1123Subdomain(o.name); len(errs) > 0 {
			r.addf(file, "%s: name is not a valid Kubernetes name: %s", o, strings.Join(errs, "; "))
		}
		m.add(r, o)
	}
}

func (m *manifests) add(r *report, o object) {
	m.objects = append(m.objects, o)
	switch v := o.obj.(type) {
	case *appsv1.Deployment:
		m.workloads = append(m.workloads, workload{object: o, labels: v.Spec.Template.Labels, pod: &v.Spec.Template.Spec, replicas: v.Spec.Replicas, isService: true})
		checkSelector(r, o, v.Spec.Selector, v.Spec.Template.Labels)
	case *appsv1.StatefulSet:
		w := workload{object: o, labels: v.Spec.Template.Labels, pod: &v.Spec.Template.Spec, replicas: v.Spec.Replicas, isService: true}
		for _, c := range v.Spec.VolumeClaimTemplates {
			w.claims = append(w.claims, c.Name)
		}
		m.workloads = append(m.workloads, w)
		checkSelector(r, o, v.Spec.Selector, v.Spec.Template.Labels)
	case *batchv1.Job:
		m.workloads = append(m.workloads, workload{object: o, labels: v.Spec.Template.Labels, pod: &v.Spec.Template.Spec})
		if p := v.Spec.Template.Spec.RestartPolicy; p != corev1.RestartPolicyOnFailure && p != corev1.RestartPolicyNever {
			r.addf(o.file, "%s: a Job's restartPolicy must be OnFailure or Never, not %q", o, p)
		}
	case *corev1.Service:
		m.services[o.name] = v
		m.serviceAt[o.name] = o.file
	case *corev1.ConfigMap:
		m.configs[o.name] = v
	case *corev1.Secret:
		r.addf(o.file, "%s: Secrets are created with kubectl create secret, never committed with their values", o)
	}
}

func checkSelector(r *report, o object, sel *metav1.LabelSelector, podLabels map[string]string) {
	if sel == nil {
		r.addf(o.file, "%s has no spec.selector", o)
		return
	}
	s, err := metav1.LabelSelectorAsSelector(sel)
	if err != nil {
		r.addf(o.file, "%s: spec.selector: %v", o, err)
		return
	}
	if s.Empty() || !s.Matches(labels.Set(podLabels)) {
		r.addf(o.file, "%s: spec.selector %s does not match the pod template's labels %v", o, s, podLabels)
	}
}

func checkManifests(r *report, m *manifests, apps []*app, code needs) {
	served := map[string]bool{}
	workersFile := ""
	setBy := map[*app]map[string]bool{}
	given := settingValues{}
	for _, w := range m.workloads {
		checkPod(r, m, w)
		for _, c := range w.pod.Containers {
			a := appByImage(apps, c.Image)
			if a == nil {
				continue
			}
			who := w.String() + " container " + c.Name
			checkAppContainer(r, w, c, a)
			checkAppLifecycle(r, m, w, c, a)
			checkJVMBudget(r, w.file, who, c, a)
			env := podEnv(r, w, c)
			if setBy[a] == nil {
				setBy[a] = map[string]bool{}
			}
			for name := range env {
				setBy[a][name] = true
			}
			given.add(w.name, env)
			for _, q := range checkAppEnv(r, w.file, who, a, env, m.appSecrets(), m.serviceHasPort, domainsOf(apps)) {
				served[q] = true
			}
			if a.name == "workers" {
				workersFile = w.file
			}
		}
	}
	if workersFile == "" {
		workersFile = "k8s"
	}
	checkQueueCoverage(r, workersFile, code.queues, served)
	given.checkShared(r, "k8s", apps)
	file, scripts := k8sSearchAttributeScripts(m)
	checkSearchAttributes(r, file, "k8s/", code.attributes, scripts)
	for _, a := range apps {
		if set, deployed := setBy[a]; deployed {
			checkSettingsCoverage(r, "k8s", "container in k8s/", a, set, defaultedEnv)
		}
	}
	for _, name := range sortedKeys(m.services) {
		checkService(r, m, m.serviceAt[name], name, m.services[name])
	}
	checkPreStop(r, m)
	checkReplicas(r, m)
	checkPodSecurity(r, m)
	checkNetworkPolicies(r, m, apps)
	checkEgress(r, m, apps)
	checkK8sMongoAuth(r, m, apps)
	checkGateways(r, m)
	for _, o := range m.objects {
		switch v := o.obj.(type) {
		case *networkingv1.Ingress:
			checkIngressController(r, o, v)
			checkIngress(r, m, o, v)
		case *autoscalingv2.HorizontalPodAutoscaler:
			checkHPA(r, m, o, v)
		}
	}
}

// checkPod checks what every container of every workload needs: a pinned image (unless it is one of
// the apps' skaffold artifacts), requests and limits, probes on the actuator paths and real ports,
// mounted volumes that exist, and Secrets only by their known names and keys.
func checkPod(r *report, m *manifests, w workload) {
	volumes := map[string]bool{}
	for _, v := range w.pod.Volumes {
		volumes[v.Name] = true
	}
	for _, c := range w.claims {
		volumes[c] = true
	}
	all := append(append([]corev1.Container{}, w.pod.InitContainers...), w.pod.Containers...)
	for _, c := range all {
		who := w.String() + " container " + c.Name
		if !strings.HasPrefix(c.Image, "ticketing-") {
			if err := pinned(c.Image); err != nil {
				r.addf(w.file, "%s: image %s", who, err)
			}
		}
		for _, res := range []corev1.ResourceName{corev1.ResourceCPU, corev1.ResourceMemory} {
			if _, ok := c.Resources.Requests[res]; !ok {
				r.addf(w.file, "%s has no %s request", who, res)
			}
			if _, ok := c.Resources.Limits[res]; !ok {
				r.addf(w.file, "%s has no %s limit", who, res)
			}
		}
		for kind, p := range map[string]*corev1.Probe{"liveness": c.LivenessProbe, "readiness": c.ReadinessProbe, "startup": c.StartupProbe} {
			if p == nil || p.HTTPGet == nil {
				continue
			}
			if !slices.Contains(actuatorPaths, p.HTTPGet.Path) {
				r.addf(w.file, "%s: %s probe path %q is not an actuator endpoint (%s)", who, kind, p.HTTPGet.Path, strings.Join(actuatorPaths, ", "))
			}
			if !containerHasPort(c, p.HTTPGet.Port) {
				r.addf(w.file, "%s: %s probe port %s is not one of the container's ports", who, kind, p.HTTPGet.Port.String())
			}
		}
		for _, vm := range c.VolumeMounts {
			if !volumes[vm.Name] {
				r.addf(w.file, "%s mounts volume %q, which the pod does not define", who, vm.Name)
			}
		}
		all := m.allSecrets()
		for _, e := range c.Env {
			// The apps' own containers are held to their Secrets by checkAppEnv.
			if e.ValueFrom == nil || e.ValueFrom.SecretKeyRef == nil || strings.HasPrefix(c.Image, "ticketing-") {
				continue
			}
			ref := e.ValueFrom.SecretKeyRef
			keys, ok := all[ref.Name]
			if !ok {
				r.addf(w.file, "%s takes %s from Secret %q; the Secrets this deployment creates are %s", who, e.Name, ref.Name, strings.Join(sortedKeys(all), ", "))
			} else if !slices.Contains(keys, ref.Key) {
				r.addf(w.file, "%s takes %s from key %q of Secret %s, which holds %s", who, e.Name, ref.Key, ref.Name, strings.Join(keys, ", "))
			}
		}
	}
	if sts, ok := w.obj.(*appsv1.StatefulSet); ok {
		if svc, found := m.services[sts.Spec.ServiceName]; !found {
			r.addf(w.file, "%s: serviceName %q names no Service", w, sts.Spec.ServiceName)
		} else if svc.Spec.ClusterIP != corev1.ClusterIPNone {
			r.addf(w.file, "%s: its governing Service %s should be headless (clusterIP: None)", w, sts.Spec.ServiceName)
		}
		if len(w.claims) == 0 {
			r.addf(w.file, "%s has no volumeClaimTemplates: its data would not survive the pod", w)
		}
	}
}

// checkAppContainer checks what the API and workers containers need beyond any container.
func checkAppContainer(r *report, w workload, c corev1.Container, a *app) {
	who := w.String() + " container " + c.Name
	if a.port != 0 && !containerHasPort(c, intstr.FromInt32(int32(a.port))) {
		r.addf(w.file, "%s does not expose the %s port %d (the ${PORT:%d} default)", who, a.name, a.port, a.port)
	}
	if c.LivenessProbe == nil || c.LivenessProbe.HTTPGet == nil {
		r.addf(w.file, "%s has no HTTP liveness probe", who)
	}
	if c.ReadinessProbe == nil || c.ReadinessProbe.HTTPGet == nil {
		r.addf(w.file, "%s has no HTTP readiness probe", who)
	}
	if len(c.EnvFrom) > 0 {
		r.addf(w.file, "%s uses envFrom, whose variables can't be checked against what the app reads", who)
	}
}

func podEnv(r *report, w workload, c corev1.Container) map[string]envVar {
	env := map[string]envVar{}
	for n, e := range c.Env {
		if _, dup := env[e.Name]; dup {
			r.addf(w.file, "%s container %s sets %s twice", w, c.Name, e.Name)
		}
		v := envVar{value: e.Value, order: n}
		if f := e.ValueFrom; f != nil {
			switch {
			case f.SecretKeyRef != nil:
				v.secret, v.key = f.SecretKeyRef.Name, f.SecretKeyRef.Key
				v.optional = f.SecretKeyRef.Optional != nil && *f.SecretKeyRef.Optional
			case f.ConfigMapKeyRef != nil:
				v.indirect = "ConfigMap"
			default:
				v.indirect = "field reference"
			}
		}
		env[e.Name] = v
	}
	return env
}

func containerHasPort(c corev1.Container, port intstr.IntOrString) bool {
	for _, p := range c.Ports {
		if (port.Type == intstr.String && p.Name == port.StrVal) || (port.Type == intstr.Int && p.ContainerPort == port.IntVal) {
			return true
		}
	}
	return false
}

// selected returns the long-running workloads whose pods a Service selects.
func (m *manifests) selected(svc *corev1.Service) []workload {
	if len(svc.Spec.Selector) == 0 {
		return nil
	}
	sel := labels.SelectorFromSet(svc.Spec.Selector)
	var out []workload
	for _, w := range m.workloads {
		if w.isService && sel.Matches(labels.Set(w.labels)) {
			out = append(out, w)
		}
	}
	return out
}

func checkService(r *report, m *manifests, file, name string, svc *corev1.Service) {
	who := describe("Service", name)
	targets := m.selected(svc)
	if len(targets) == 0 {
		r.addf(file, "%s: selector %v selects no pods of any Deployment or StatefulSet", who, svc.Spec.Selector)
		return
	}
	for _, p := range svc.Spec.Ports {
		target := p.TargetPort
		if target.Type == intstr.Int && target.IntVal == 0 {
			target = intstr.FromInt32(p.Port)
		}
		for _, w := range targets {
			found := false
			for _, c := range w.pod.Containers {
				found = found || containerHasPort(c, target)
			}
			if !found {
				r.addf(file, "%s: port %d's targetPort %s is not a container port of %s", who, p.Port, target.String(), w)
			}
		}
	}
}

// mongoSecrets are the Secrets of the MongoDB servers, one per StatefulSet and named after it
// (README.md, "Deploy"): the root password and, for each domain the server holds (its
// TICKETING_DOMAINS), that domain user's password, each key named as the variable it fills.
func (m *manifests) mongoSecrets() map[string][]string {
	out := map[string][]string{}
	for _, s := range m.mongoServers() {
		keys := []string{"MONGO_INITDB_ROOT_PASSWORD"}
		for _, d := range s.domains {
			keys = append(keys, strings.ToUpper(d)+"_MONGODB_PASSWORD")
		}
		out[s.name] = keys
	}
	return out
}

// appSecrets are the Secrets the apps' containers may read.
func (m *manifests) appSecrets() map[string][]string {
	out := map[string][]string{}
	maps.Copy(out, appSecrets)
	maps.Copy(out, m.mongoSecrets())
	return out
}

// allSecrets are every Secret this deployment creates by hand.
func (m *manifests) allSecrets() map[string][]string {
	out := m.appSecrets()
	maps.Copy(out, infraSecrets)
	return out
}

// serviceHasPort tells whether a Service of that name exposes that port (for URIs in env vars).
func (m *manifests) serviceHasPort(host, port string) bool {
	svc, ok := m.services[host]
	if !ok {
		return false
	}
	for _, p := range svc.Spec.Ports {
		if strconv.Itoa(int(p.Port)) == port {
			return true
		}
	}
	return false
}

func checkIngress(r *report, m *manifests, o object, ing *networkingv1.Ingress) {
	if ing.Spec.IngressClassName == nil || *ing.Spec.IngressClassName == "" {
		r.addf(o.file, "%s has no ingressClassName (ingress-nginx's is nginx)", o)
	}
	var backends []*networkingv1.IngressServiceBackend
	if b := ing.Spec.DefaultBackend; b != nil && b.Service != nil {
		backends = append(backends, b.Service)
	}
	for _, rule := range ing.Spec.Rules {
		if rule.HTTP == nil {
			continue
		}
		for _, p := range rule.HTTP.Paths {
			if p.Backend.Service == nil {
				r.addf(o.file, "%s: path %s has no service backend", o, p.Path)
				continue
			}
			backends = append(backends, p.Backend.Service)
		}
	}
	for _, b := range backends {
		svc, ok := m.services[b.Name]
		if !ok {
			r.addf(o.file, "%s: backend Service %q does not exist", o, b.Name)
			continue
		}
		found := false
		for _, p := range svc.Spec.Ports {
			found = found || (b.Port.Name != "" && p.Name == b.Port.Name) || (b.Port.Name == "" && p.Port == b.Port.Number)
		}
		if !found {
			port := b.Port.Name
			if port == "" {
				port = strconv.Itoa(int(b.Port.Number))
			}
			r.addf(o.file, "%s: backend Service %s has no port %s", o, b.Name, port)
		}
	}
}

func checkHPA(r *report, m *manifests, o object, hpa *autoscalingv2.HorizontalPodAutoscaler) {
	ref := hpa.Spec.ScaleTargetRef
	var target *workload
	for i, w := range m.workloads {
		if w.kind == ref.Kind && w.name == ref.Name {
			target = &m.workloads[i]
		}
	}
	if target == nil {
		r.addf(o.file, "%s: scaleTargetRef %s/%s names no workload", o, ref.Kind, ref.Name)
		return
	}
	if hpa.Spec.MinReplicas != nil && *hpa.Spec.MinReplicas > hpa.Spec.MaxReplicas {
		r.addf(o.file, "%s: minReplicas %d is above maxReplicas %d", o, *hpa.Spec.MinReplicas, hpa.Spec.MaxReplicas)
	}
	if target.replicas != nil {
		r.addf(target.file, "%s sets replicas, but %s scales it: every kubectl apply would reset the count", target, o)
	}
	for _, metric := range hpa.Spec.Metrics {
		if metric.Resource == nil || metric.Resource.Target.Type != autoscalingv2.UtilizationMetricType {
			continue
		}
		for _, c := range target.pod.Containers {
			if _, ok := c.Resources.Requests[metric.Resource.Name]; !ok {
				r.addf(o.file, "%s scales on %s utilization, but container %s of %s requests no %s", o, metric.Resource.Name, c.Name, target, metric.Resource.Name)
			}
		}
	}
}
