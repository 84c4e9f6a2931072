package main

import (
	"strings"

	corev1 "k8s.io/api/core/v1"
	metav1 "k8s.io/apimachinery/pkg/apis/meta/v1"
	psaapi "k8s.io/pod-security-admission/api"
	"k8s.io/pod-security-admission/policy"
	"sigs.k8s.io/yaml"
)

// restricted evaluates pods as the Pod Security admission controller does in a namespace that
// enforces the restricted level (pod-security.kubernetes.io/enforce: restricted), with its own checks.
var restricted = func() policy.Evaluator {
	e, err := policy.NewEvaluator(policy.DefaultChecks(), nil)
	if err != nil {
		panic(err)
	}
	return e
}()

// podSecurityProblems returns why the restricted level would refuse a pod, one reason per check.
func podSecurityProblems(meta metav1.ObjectMeta, spec *corev1.PodSpec) []string {
	var out []string
	for _, result := range restricted.EvaluatePod(psaapi.LevelVersion{Level: psaapi.LevelRestricted, Version: psaapi.LatestVersion()}, &meta, spec) {
		if !result.Allowed {
			out = append(out, result.ForbiddenReason+" ("+result.ForbiddenDetail+")")
		}
	}
	return out
}

// checkPodSecurity holds every pod under k8s/ to the restricted Pod Security level: non-root, the
// runtime's default seccomp profile, no privilege escalation, no capabilities, safe volume types.
func checkPodSecurity(r *report, m *manifests) {
	for _, w := range m.workloads {
		for _, why := range podSecurityProblems(metav1.ObjectMeta{Labels: w.labels}, w.pod) {
			r.addf(w.file, "%s: a namespace enforcing the restricted Pod Security level would refuse its pods: %s", w, why)
		}
	}
}

// The chart's pods and the values that set their security contexts (chart 1.6.0's templates):
// the pod's from the first key, each container's from the second.
var chartPods = []struct{ name, pod, container string }{
	{"temporal-frontend", "server.securityContext", "server.frontend.containerSecurityContext"},
	{"temporal-history", "server.securityContext", "server.history.containerSecurityContext"},
	{"temporal-matching", "server.securityContext", "server.matching.containerSecurityContext"},
	{"temporal-worker", "server.securityContext", "server.worker.containerSecurityContext"},
	{"temporal-internal-frontend", "server.securityContext", "server.internal-frontend.containerSecurityContext"},
	{"temporal-admintools", "admintools.securityContext", "admintools.containerSecurityContext"},
	{"temporal-web", "web.securityContext", "web.containerSecurityContext"},
	{"temporal-schema (and the namespace job)", "schema.securityContext", "schema.containerSecurityContext"},
}

// checkChartPodSecurity puts each of the Temporal chart's pods together from the values' security
// contexts (its volumes are ConfigMaps and Secrets, which the restricted level allows) and holds it to
// the restricted level, as the manifests are.
func checkChartPodSecurity(r *report, file string, values map[string]any) {
	for _, p := range chartPods {
		var podSC corev1.PodSecurityContext
		var containerSC corev1.SecurityContext
		if !decodeValue(r, file, values, p.pod, &podSC) || !decodeValue(r, file, values, p.container, &containerSC) {
			continue
		}
		spec := &corev1.PodSpec{
			SecurityContext: &podSC,
			Containers:      []corev1.Container{{Name: "main", Image: "temporalio/x", SecurityContext: &containerSC}},
		}
		for _, why := range podSecurityProblems(metav1.ObjectMeta{}, spec) {
			r.addf(file, "pod %s (%s, %s): a namespace enforcing the restricted Pod Security level would refuse it: %s", p.name, p.pod, p.container, why)
		}
	}
}

// decodeValue decodes the values at a dotted path into a Kubernetes type, strictly; an absent key
// decodes to the zero value.
func decodeValue(r *report, file string, values map[string]any, dotted string, into any) bool {
	v := dig(values, strings.Split(dotted, ".")...)
	if v == nil {
		return true
	}
	data, err := yaml.Marshal(v)
	if err == nil {
		err = yaml.UnmarshalStrict(data, into)
	}
	if err != nil {
		r.addf(file, "%s: %v", dotted, err)
		return false
	}
	return true
}
