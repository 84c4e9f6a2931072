package main

import (
	"slices"
	"strconv"
	"strings"

	appsv1 "k8s.io/api/apps/v1"
	corev1 "k8s.io/api/core/v1"
	networkingv1 "k8s.io/api/networking/v1"
	metav1 "k8s.io/apimachinery/pkg/apis/meta/v1"
	"k8s.io/apimachinery/pkg/labels"
	"k8s.io/apimachinery/pkg/util/intstr"
	gatewayv1 "sigs.k8s.io/gateway-api/apis/v1"
)

const (
	// Where Prometheus runs (README.md, "Operate"): the one namespace that may scrape the apps.
	monitoringNamespace = "monitoring"
	// Envoy Gateway runs a Gateway's Envoy proxies in its own namespace (its default deployment mode),
	// labelled with the Gateway they serve.
	gatewayNamespace  = "envoy-gateway-system"
	owningGatewayName = "gateway.envoyproxy.io/owning-gateway-name"
	// The namespace label Kubernetes sets on every namespace: the only one a policy can trust.
	namespaceNameLabel = "kubernetes.io/metadata.name"
	partOfLabel        = "app.kubernetes.io/part-of"
)

// source is one kind of peer a NetworkPolicy rule admits.
type source struct {
	anywhere  bool            // an empty from: every pod, every namespace, every address
	ipBlock   string          // a CIDR
	except    []string        // the CIDRs the block leaves out
	namespace string          // a namespace by name; "" for this one, "*" for any
	pods      labels.Selector // which pods in it (Everything when none is given)
}

func (s source) String() string {
	pods := "every pod"
	if s.pods != nil && !s.pods.Empty() {
		pods = "pods " + s.pods.String()
	}
	switch {
	case s.anywhere:
		return "anywhere"
	case s.ipBlock != "" && len(s.except) > 0:
		return "addresses " + s.ipBlock + " except " + strings.Join(s.except, ", ")
	case s.ipBlock != "":
		return "addresses " + s.ipBlock
	case s.namespace == "":
		return pods + " of this namespace"
	case s.namespace == "*":
		return pods + " of any namespace"
	}
	return pods + " of namespace " + s.namespace
}

// admitted is who may open a connection to one container port of a workload, and by which policy.
type admitted struct {
	source source
	policy string
}

// ingressTo answers whether any NetworkPolicy isolates the workload's pods for ingress and, per
// container port, the sources some policy admits to it.
func ingressTo(r *report, m *manifests, w workload) (isolated bool, allowed map[int32][]admitted) {
	allowed = map[int32][]admitted{}
	for _, o := range m.objects {
		np, ok := o.obj.(*networkingv1.NetworkPolicy)
		if !ok {
			continue
		}
		sel, err := metav1.LabelSelectorAsSelector(&np.Spec.PodSelector)
		if err != nil {
			r.addf(o.file, "%s: podSelector: %v", o, err)
			continue
		}
		if !sel.Matches(labels.Set(w.labels)) || !governsIngress(np) {
			continue
		}
		isolated = true
		for _, rule := range np.Spec.Ingress {
			sources := ruleSources(r, o, rule.From)
			for _, c := range w.pod.Containers {
				for _, p := range c.Ports {
					if portAdmitted(rule.Ports, c, p) {
						for _, s := range sources {
							allowed[p.ContainerPort] = append(allowed[p.ContainerPort], admitted{s, o.String()})
						}
					}
				}
			}
		}
	}
	return isolated, allowed
}

// governsIngress: policyTypes defaults to Ingress (plus Egress when it has egress rules).
func governsIngress(np *networkingv1.NetworkPolicy) bool {
	return len(np.Spec.PolicyTypes) == 0 || slices.Contains(np.Spec.PolicyTypes, networkingv1.PolicyTypeIngress)
}

func ruleSources(r *report, o object, from []networkingv1.NetworkPolicyPeer) []source {
	if len(from) == 0 {
		return []source{{anywhere: true}}
	}
	var out []source
	for _, peer := range from {
		switch {
		case peer.IPBlock != nil:
			out = append(out, source{ipBlock: peer.IPBlock.CIDR, except: peer.IPBlock.Except})
		default:
			s := source{pods: labels.Everything()}
			if peer.PodSelector != nil {
				sel, err := metav1.LabelSelectorAsSelector(peer.PodSelector)
				if err != nil {
					r.addf(o.file, "%s: podSelector: %v", o, err)
					continue
				}
				s.pods = sel
			}
			if peer.NamespaceSelector != nil {
				s.namespace = "*"
				ns := peer.NamespaceSelector
				if name, ok := ns.MatchLabels[namespaceNameLabel]; ok && len(ns.MatchLabels) == 1 && len(ns.MatchExpressions) == 0 {
					s.namespace = name
				}
			}
			out = append(out, s)
		}
	}
	return out
}

// portAdmitted tells whether a rule's ports (none: all of them) cover a container port.
func portAdmitted(ports []networkingv1.NetworkPolicyPort, c corev1.Container, p corev1.ContainerPort) bool {
	if len(ports) == 0 {
		return true
	}
	for _, rp := range ports {
		proto := corev1.ProtocolTCP
		if rp.Protocol != nil {
			proto = *rp.Protocol
		}
		cproto := p.Protocol
		if cproto == "" {
			cproto = corev1.ProtocolTCP
		}
		if proto != cproto {
			continue
		}
		switch {
		case rp.Port == nil:
			return true
		case rp.Port.Type == intstr.String:
			if rp.Port.StrVal == p.Name {
				return true
			}
		case rp.EndPort != nil:
			if p.ContainerPort >= rp.Port.IntVal && p.ContainerPort <= *rp.EndPort {
				return true
			}
		case rp.Port.IntVal == p.ContainerPort:
			return true
		}
	}
	return false
}

// checkNetworkPolicies holds the app's pods to who may reach them:
//   - every pod of the app is isolated (some policy selects it), so nothing reaches it by default;
//   - a domain's MongoDB admits exactly the workloads whose URIs name it, from this namespace, on
//     its port, and nothing else;
//   - a workload that no Service selects (the workers: nothing calls them) admits only Prometheus,
//     from the monitoring namespace, on its scrape port;
//   - a workload behind an HTTPRoute (the API) admits the Gateway's proxies on the routed port and
//     Prometheus on its scrape port, nothing else.
func checkNetworkPolicies(r *report, m *manifests, apps []*app) {
	clients := map[string][]string{} // MongoDB server -> the workloads whose URIs name it
	servers := m.mongoServers()
	for _, c := range m.mongoClients(apps) {
		_, host := uriHost(c.uri)
		for _, s := range servers {
			if slices.Contains(s.hosts, host) && !slices.Contains(clients[s.name], c.workload) {
				clients[s.name] = append(clients[s.name], c.workload)
			}
		}
	}
	routed := m.routedPorts()
	for _, w := range m.workloads {
		if !w.isService || w.labels[partOfLabel] != "ticketing" {
			continue
		}
		isolated, allowed := ingressTo(r, m, w)
		if !isolated {
			r.addf(w.file, "%s: no NetworkPolicy selects its pods, so every pod in the cluster can connect to them", w)
			continue
		}
		isMongo := slices.ContainsFunc(servers, func(s mongoServer) bool { return s.name == w.name && s.file == w.file })
		switch {
		case isMongo:
			checkDatabaseIngress(r, m, w, allowed, clients[w.name])
		case len(routed[w.name]) > 0:
			checkPublicIngress(r, m, w, allowed, routed[w.name])
		case len(m.servicesOf(w)) == 0:
			checkInternalIngress(r, w, allowed)
		}
	}
}

// workloadsSelected are the workloads of this namespace (the manifests) that a source's pods match.
func (m *manifests) workloadsSelected(s source) []string {
	var out []string
	for _, w := range m.workloads {
		if s.anywhere || (s.namespace != "" && s.namespace != "*") || s.ipBlock != "" {
			continue
		}
		if s.pods.Matches(labels.Set(w.labels)) {
			out = append(out, w.name)
		}
	}
	return out
}

func checkDatabaseIngress(r *report, m *manifests, w workload, allowed map[int32][]admitted, clients []string) {
	reaches := map[string]bool{}
	for _, port := range sortedPorts(allowed) {
		for _, a := range allowed[port] {
			if a.source.anywhere || a.source.ipBlock != "" || a.source.namespace != "" {
				r.addf(w.file, "%s: %s lets %s reach port %d: a domain's database admits only the workloads whose URIs name it (%s)", w, a.policy, a.source, port, strings.Join(clients, ", "))
				continue
			}
			for _, name := range m.workloadsSelected(a.source) {
				if !slices.Contains(clients, name) {
					r.addf(w.file, "%s: %s lets %s reach port %d, which holds no URI to it: only %s may", w, a.policy, name, port, strings.Join(clients, ", "))
				}
				reaches[name] = true
			}
		}
	}
	for _, c := range clients {
		if !reaches[c] {
			r.addf(w.file, "%s: no NetworkPolicy lets %s in, whose URI names it: its requests would time out", w, c)
		}
	}
}

func checkInternalIngress(r *report, w workload, allowed map[int32][]admitted) {
	scrape := scrapePort(w)
	for _, port := range sortedPorts(allowed) {
		for _, a := range allowed[port] {
			if !isPrometheus(a.source) || port != scrape {
				r.addf(w.file, "%s: %s lets %s reach port %d; nothing calls this workload, so only Prometheus (namespace %s) may, on its scrape port %d", w, a.policy, a.source, port, monitoringNamespace, scrape)
			}
		}
	}
}

func checkPublicIngress(r *report, m *manifests, w workload, allowed map[int32][]admitted, routedPorts []int32) {
	scrape := scrapePort(w)
	gateways := m.gatewayNames()
	fromGateway, fromPrometheus := false, false
	for _, port := range sortedPorts(allowed) {
		for _, a := range allowed[port] {
			switch {
			case slices.Contains(routedPorts, port) && isGatewayProxy(a.source, gateways):
				fromGateway = true
			case port == scrape && isPrometheus(a.source):
				fromPrometheus = true
			default:
				r.addf(w.file, "%s: %s lets %s reach port %d; only the Gateway's proxies (namespace %s) reach its routed port and Prometheus (namespace %s) its scrape port %d", w, a.policy, a.source, port, gatewayNamespace, monitoringNamespace, scrape)
			}
		}
	}
	if !fromGateway {
		r.addf(w.file, "%s: no NetworkPolicy lets the Gateway's proxies (namespace %s, label %s) reach its routed port %v", w, gatewayNamespace, owningGatewayName, routedPorts)
	}
	if scrape != 0 && !fromPrometheus {
		r.addf(w.file, "%s: no NetworkPolicy lets Prometheus (namespace %s) reach its scrape port %d", w, monitoringNamespace, scrape)
	}
}

func isPrometheus(s source) bool {
	return s.namespace == monitoringNamespace && !s.pods.Empty()
}

func isGatewayProxy(s source, gateways []string) bool {
	if s.namespace != gatewayNamespace {
		return false
	}
	for _, g := range gateways {
		if s.pods.Matches(labels.Set{owningGatewayName: g, "app.kubernetes.io/name": "envoy"}) && !s.pods.Empty() {
			return true
		}
	}
	return false
}

// scrapePort is the prometheus.io/port annotation of a workload's pods, 0 when none.
func scrapePort(w workload) int32 {
	var annotations map[string]string
	switch v := w.obj.(type) {
	case *appsv1.Deployment:
		annotations = v.Spec.Template.Annotations
	case *appsv1.StatefulSet:
		annotations = v.Spec.Template.Annotations
	}
	n, _ := strconv.Atoi(annotations["prometheus.io/port"])
	return int32(n)
}

func sortedPorts(m map[int32][]admitted) []int32 {
	var out []int32
	for p := range m {
		out = append(out, p)
	}
	slices.Sort(out)
	return out
}

// servicesOf are the Services that select a workload's pods.
func (m *manifests) servicesOf(w workload) []string {
	var out []string
	for _, name := range sortedKeys(m.services) {
		if sel := m.services[name].Spec.Selector; len(sel) > 0 && labels.SelectorFromSet(sel).Matches(labels.Set(w.labels)) {
			out = append(out, name)
		}
	}
	return out
}

// routedPorts maps each workload to the container ports an HTTPRoute sends traffic to.
func (m *manifests) routedPorts() map[string][]int32 {
	out := map[string][]int32{}
	for _, o := range m.objects {
		route, ok := o.obj.(*gatewayv1.HTTPRoute)
		if !ok {
			continue
		}
		for _, rule := range route.Spec.Rules {
			for _, b := range rule.BackendRefs {
				svc, ok := m.services[string(b.Name)]
				if !ok || b.Port == nil {
					continue
				}
				for _, sp := range svc.Spec.Ports {
					if sp.Port != int32(*b.Port) {
						continue
					}
					for _, w := range m.selected(svc) {
						if port, found := targetContainerPort(w, sp); found && !slices.Contains(out[w.name], port) {
							out[w.name] = append(out[w.name], port)
						}
					}
				}
			}
		}
	}
	return out
}

func targetContainerPort(w workload, sp corev1.ServicePort) (int32, bool) {
	target := sp.TargetPort
	if target.Type == intstr.Int && target.IntVal == 0 {
		target = intstr.FromInt32(sp.Port)
	}
	for _, c := range w.pod.Containers {
		for _, p := range c.Ports {
			if (target.Type == intstr.String && p.Name == target.StrVal) || (target.Type == intstr.Int && p.ContainerPort == target.IntVal) {
				return p.ContainerPort, true
			}
		}
	}
	return 0, false
}

func (m *manifests) gatewayNames() []string {
	var out []string
	for _, o := range m.objects {
		if _, ok := o.obj.(*gatewayv1.Gateway); ok {
			out = append(out, o.name)
		}
	}
	return out
}
