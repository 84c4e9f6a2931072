package main

import (
	"slices"
	"strings"

	corev1 "k8s.io/api/core/v1"
	networkingv1 "k8s.io/api/networking/v1"
	"k8s.io/apimachinery/pkg/api/resource"
	gatewayv1 "sigs.k8s.io/gateway-api/apis/v1"

	egv1alpha1 "github.com/envoyproxy/gateway/api/v1alpha1"
)

// The body limit the edge enforces: above the API's own 1 MiB (so the API answers an oversized body
// with its JSON 413), at most 2 MiB (so larger ones never reach it).
var (
	apiBodyLimit  = resource.MustParse("1Mi")
	edgeBodyLimit = resource.MustParse("2Mi")
)

// checkIngressController refuses an Ingress for ingress-nginx, retired in March 2026 (no more
// security fixes); routing goes through the Gateway API.
func checkIngressController(r *report, o object, ing *networkingv1.Ingress) {
	nginx := ing.Spec.IngressClassName != nil && *ing.Spec.IngressClassName == "nginx"
	for key := range ing.Annotations {
		nginx = nginx || strings.HasPrefix(key, "nginx.ingress.kubernetes.io/")
	}
	if nginx {
		r.addf(o.file, "%s is for ingress-nginx, which was retired in March 2026 and gets no security fixes: route with the Gateway API (k8s/gateway.yaml)", o)
	}
}

// checkGateways holds the Gateway API objects together: each Gateway's class is defined here, it
// terminates TLS with a certificate, plain http only redirects to https, every HTTPRoute attaches to
// a listener that exists and sends traffic to a Service port that exists, and every route to a
// backend is under the edge's body limit.
func checkGateways(r *report, m *manifests) {
	classes := map[string]bool{}
	gateways := map[string]*gatewayv1.Gateway{}
	var routes []object
	limited := map[string]bool{} // HTTPRoute or Gateway name -> under a body limit
	for _, o := range m.objects {
		switch v := o.obj.(type) {
		case *gatewayv1.GatewayClass:
			classes[o.name] = true
		case *gatewayv1.Gateway:
			gateways[o.name] = v
		case *gatewayv1.HTTPRoute:
			routes = append(routes, o)
		case *egv1alpha1.BackendTrafficPolicy:
			checkBodyLimit(r, o, v, limited)
		}
	}
	https := map[string]bool{} // "gateway/listener" -> carries TLS
	for _, o := range m.objects {
		g, ok := o.obj.(*gatewayv1.Gateway)
		if !ok {
			continue
		}
		if !classes[string(g.Spec.GatewayClassName)] {
			r.addf(o.file, "%s: gatewayClassName %q names no GatewayClass under k8s/", o, g.Spec.GatewayClassName)
		}
		for _, l := range g.Spec.Listeners {
			if l.Protocol != gatewayv1.HTTPSProtocolType {
				continue
			}
			if l.TLS == nil || len(l.TLS.CertificateRefs) == 0 || (l.TLS.Mode != nil && *l.TLS.Mode != gatewayv1.TLSModeTerminate) {
				r.addf(o.file, "%s: listener %s is HTTPS without a certificate to terminate TLS with", o, l.Name)
				continue
			}
			https[o.name+"/"+string(l.Name)] = true
		}
		if !slices.ContainsFunc(g.Spec.Listeners, func(l gatewayv1.Listener) bool { return https[o.name+"/"+string(l.Name)] }) {
			r.addf(o.file, "%s has no HTTPS listener: the session cookie is Secure, so it never comes back over http", o)
		}
	}
	for _, o := range routes {
		route := o.obj.(*gatewayv1.HTTPRoute)
		var parents []string
		for _, p := range route.Spec.ParentRefs {
			g, ok := gateways[string(p.Name)]
			if !ok {
				r.addf(o.file, "%s: parentRef %s names no Gateway under k8s/", o, p.Name)
				continue
			}
			if p.SectionName == nil {
				r.addf(o.file, "%s attaches to every listener of Gateway %s: name the listener (sectionName), so plain http can't reach a backend", o, p.Name)
				continue
			}
			if !slices.ContainsFunc(g.Spec.Listeners, func(l gatewayv1.Listener) bool { return l.Name == *p.SectionName }) {
				r.addf(o.file, "%s: Gateway %s has no listener %s", o, p.Name, *p.SectionName)
			}
			parents = append(parents, string(p.Name)+"/"+string(*p.SectionName))
		}
		for _, rule := range route.Spec.Rules {
			for _, b := range rule.BackendRefs {
				if !checkBackend(r, m, o, b) {
					continue
				}
				for _, parent := range parents {
					if !https[parent] {
						r.addf(o.file, "%s sends traffic from %s, which is not an HTTPS listener, to Service %s: plain http must only redirect to https", o, parent, b.Name)
					}
				}
				gateway, _, _ := strings.Cut(firstOr(parents, ""), "/")
				if !limited[o.name] && !limited[gateway] {
					r.addf(o.file, "%s reaches Service %s with no body limit: a BackendTrafficPolicy's requestBuffer.limit of %s lets the API answer bodies over %s itself and keeps larger ones out", o, b.Name, edgeBodyLimit.String(), apiBodyLimit.String())
				}
			}
		}
	}
}

func checkBackend(r *report, m *manifests, o object, b gatewayv1.HTTPBackendRef) bool {
	if b.Kind != nil && *b.Kind != "Service" {
		return false
	}
	svc, ok := m.services[string(b.Name)]
	if !ok {
		r.addf(o.file, "%s: backend Service %q does not exist", o, b.Name)
		return false
	}
	if b.Port == nil || !slices.ContainsFunc(svc.Spec.Ports, func(p corev1.ServicePort) bool { return p.Port == int32(*b.Port) }) {
		r.addf(o.file, "%s: backend Service %s has no such port", o, b.Name)
		return false
	}
	return true
}

func checkBodyLimit(r *report, o object, p *egv1alpha1.BackendTrafficPolicy, limited map[string]bool) {
	rb := p.Spec.RequestBuffer
	if rb == nil {
		return
	}
	if rb.Limit.Cmp(apiBodyLimit) <= 0 || rb.Limit.Cmp(edgeBodyLimit) > 0 {
		r.addf(o.file, "%s: requestBuffer.limit %s: it must be above the API's %s (so the API answers those with its JSON 413) and at most %s", o, rb.Limit.String(), apiBodyLimit.String(), edgeBodyLimit.String())
		return
	}
	for _, t := range p.Spec.GetTargetRefs() {
		limited[string(t.Name)] = true
	}
}

func firstOr(s []string, or string) string {
	if len(s) == 0 {
		return or
	}
	return s[0]
}
