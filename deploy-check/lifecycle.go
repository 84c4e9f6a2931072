package main

import (
	"slices"
	"strconv"
	"strings"
	"time"

	appsv1 "k8s.io/api/apps/v1"
	corev1 "k8s.io/api/core/v1"
)

const (
	// The shortest preStop sleep that outlasts endpoint propagation: the EndpointSlice update, then
	// kube-proxy's and the Gateway's proxies' own sync, each a second or two.
	minPreStop = 5 * time.Second
	// What a JVM needs after Spring's last shutdown phase to flush and exit.
	exitMargin = 5 * time.Second
)

// The health indicators a probe group may name: the pod's own state. Anything else (a store, a
// dependency's "mongo", "db", "stores") would take every pod out of service when that one thing fails.
// The API's "catalog" is its own: its in-memory tickets, read once at start, then kept by the feed.
var ownState = map[string][]string{
	"readiness": {"readinessState", "catalog"},
	"liveness":  {"livenessState"},
}

// checkHealthGroups holds the apps' probe groups to the pod's own state.
func checkHealthGroups(r *report, a *app) {
	for group, names := range map[string][]string{"readiness": a.readiness, "liveness": a.liveness} {
		for _, name := range names {
			if !slices.Contains(ownState[group], name) {
				r.addf(a.config, "the %s health group includes %q: a dependency that is down would take every pod out of service; fail the requests that need it (503) and show it in /actuator/health instead (allowed: %s)", group, name, strings.Join(ownState[group], ", "))
			}
		}
	}
}

// checkAppLifecycle holds an app's pods to probes on the actuator's port and paths, scrape
// annotations there, a preStop sleep when a Service sends them requests, and a grace period that
// holds the sleep and Spring's graceful shutdown.
func checkAppLifecycle(r *report, m *manifests, w workload, c corev1.Container, a *app) {
	who := w.String() + " container " + c.Name
	port := int32(a.actuatorPort())
	for kind, probe := range map[string]*corev1.Probe{"liveness": c.LivenessProbe, "readiness": c.ReadinessProbe, "startup": c.StartupProbe} {
		if probe == nil || probe.HTTPGet == nil {
			continue
		}
		want := "/actuator/health/" + kind
		if kind == "startup" {
			want = "/actuator/health/liveness"
		}
		if probe.HTTPGet.Path != want {
			r.addf(w.file, "%s: its %s probe asks %s; it must ask %s, the pod's own state", who, kind, probe.HTTPGet.Path, want)
		}
		if got, ok := resolvePort(c, probe.HTTPGet.Port.String()); ok && got != port {
			r.addf(w.file, "%s: its %s probe asks port %d, but the %s app's actuator answers on %d", who, kind, got, a.name, port)
		}
	}
	if annotations := podAnnotations(w); annotations["prometheus.io/scrape"] == "true" {
		if annotations["prometheus.io/port"] != strconv.Itoa(int(port)) {
			r.addf(w.file, "%s: prometheus.io/port is %q, but the %s app serves /actuator/prometheus on %d", w, annotations["prometheus.io/port"], a.name, port)
		}
		if annotations["prometheus.io/path"] != "/actuator/prometheus" {
			r.addf(w.file, "%s: prometheus.io/path is %q, not /actuator/prometheus", w, annotations["prometheus.io/path"])
		}
	}
	d, ok := w.obj.(*appsv1.Deployment)
	if !ok {
		return
	}
	var preStop time.Duration
	if h := c.Lifecycle; h != nil && h.PreStop != nil && h.PreStop.Sleep != nil {
		preStop = time.Duration(h.PreStop.Sleep.Seconds) * time.Second
	}
	grace := 30 * time.Second // the Kubernetes default
	if g := d.Spec.Template.Spec.TerminationGracePeriodSeconds; g != nil {
		grace = time.Duration(*g) * time.Second
	}
	if need := preStop + a.shutdownPhase + exitMargin; grace < need {
		r.addf(w.file, "%s: terminationGracePeriodSeconds %s is shorter than preStop %s + Spring's shutdown phase %s (%s) + %s to exit: the kubelet would kill requests or tasks still running", w, grace, preStop, a.shutdownPhase, a.config, exitMargin)
	}
}

// checkPreStop: a Deployment that a Service sends requests to sleeps before it stops, so its
// endpoints are gone everywhere before the process stops taking requests (else: 502s on every
// rollout and scale-down).
func checkPreStop(r *report, m *manifests) {
	for _, w := range m.workloads {
		if _, ok := w.obj.(*appsv1.Deployment); !ok || len(m.servicesOf(w)) == 0 {
			continue
		}
		for _, c := range w.pod.Containers {
			h := c.Lifecycle
			switch {
			case h == nil || h.PreStop == nil || h.PreStop.Sleep == nil:
				r.addf(w.file, "%s container %s has no lifecycle.preStop.sleep: Service %s keeps sending it requests for a moment after it starts to stop, which end in 502s", w, c.Name, strings.Join(m.servicesOf(w), ", "))
			case time.Duration(h.PreStop.Sleep.Seconds)*time.Second < minPreStop:
				r.addf(w.file, "%s container %s sleeps %d s before stopping, less than the %s endpoint removal takes to reach every proxy", w, c.Name, h.PreStop.Sleep.Seconds, minPreStop)
			}
		}
	}
}

// checkReplicas: a Deployment's replica count belongs to kubectl scale or an autoscaler; written in
// the manifest, every kubectl apply resets it.
func checkReplicas(r *report, m *manifests) {
	for _, w := range m.workloads {
		if _, ok := w.obj.(*appsv1.Deployment); ok && w.replicas != nil {
			r.addf(w.file, "%s sets replicas: every kubectl apply (skaffold run) would undo a kubectl scale", w)
		}
	}
}

func podAnnotations(w workload) map[string]string {
	switch v := w.obj.(type) {
	case *appsv1.Deployment:
		return v.Spec.Template.Annotations
	case *appsv1.StatefulSet:
		return v.Spec.Template.Annotations
	}
	return nil
}

// resolvePort turns a probe's port (a number or a container port's name) into the number.
func resolvePort(c corev1.Container, port string) (int32, bool) {
	if n, err := strconv.Atoi(port); err == nil {
		return int32(n), true
	}
	for _, p := range c.Ports {
		if p.Name == port {
			return p.ContainerPort, true
		}
	}
	return 0, false
}
