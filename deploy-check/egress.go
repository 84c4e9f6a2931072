package main

import (
	"fmt"
	"net"
	"slices"
	"strconv"
	"strings"

	corev1 "k8s.io/api/core/v1"
	networkingv1 "k8s.io/api/networking/v1"
	metav1 "k8s.io/apimachinery/pkg/apis/meta/v1"
	"k8s.io/apimachinery/pkg/labels"
	"k8s.io/apimachinery/pkg/util/intstr"
)

var (
	// The cluster's DNS: CoreDNS keeps kube-dns's label, in kube-system.
	dnsNamespace = "kube-system"
	dnsPods      = labels.Set{"k8s-app": "kube-dns"}
	// The Temporal chart's frontend pods for the release `temporal` (its templates' labels), which the
	// Service temporal-frontend, the apps' TEMPORAL_ADDRESS, leads to.
	temporalFrontendService = "temporal-frontend"
	temporalFrontendPods    = labels.Set{"app.kubernetes.io/name": "temporal", "app.kubernetes.io/instance": "temporal", "app.kubernetes.io/component": "frontend"}
	// SMTP's ports: relay, implicit TLS, submission with STARTTLS; which one MAIL_PORT names is in a Secret.
	smtpPorts = []int32{25, 465, 587}
	// Addresses a public service (Stripe) never has: the private, shared and link-local ranges, where
	// the cluster, its neighbours and the cloud's metadata service live.
	privateRanges = []string{"10.0.0.0/8", "172.16.0.0/12", "192.168.0.0/16", "100.64.0.0/10", "169.254.0.0/16"}
)

// endpoint is one protocol and port a workload connects to; name is the destination's port name,
// which a rule may use instead of the number.
type endpoint struct {
	protocol corev1.Protocol
	port     int32
	name     string
}

func (e endpoint) String() string { return fmt.Sprintf("%s %d", e.protocol, e.port) }

// destination is somewhere a workload must connect to: which rule peers reach it without reaching
// more, and on which ports.
type destination struct {
	what      string
	peer      func(source) bool
	endpoints []endpoint
}

// egressRule is one rule of a policy that isolates a workload for egress.
type egressRule struct {
	policy string
	peers  []source
	ports  []networkingv1.NetworkPolicyPort
}

// egressFrom answers whether any NetworkPolicy isolates the workload's pods for egress, and the rules
// that let them out.
func egressFrom(r *report, m *manifests, w workload) (isolated bool, rules []egressRule) {
	for _, o := range m.objects {
		np, ok := o.obj.(*networkingv1.NetworkPolicy)
		if !ok {
			continue
		}
		sel, err := metav1.LabelSelectorAsSelector(&np.Spec.PodSelector)
		if err != nil || !sel.Matches(labels.Set(w.labels)) {
			continue // a bad selector is reported by ingressTo
		}
		governs := slices.Contains(np.Spec.PolicyTypes, networkingv1.PolicyTypeEgress) || (len(np.Spec.PolicyTypes) == 0 && len(np.Spec.Egress) > 0)
		if !governs {
			continue
		}
		isolated = true
		for _, rule := range np.Spec.Egress {
			rules = append(rules, egressRule{policy: o.String(), peers: ruleSources(r, o, rule.To), ports: rule.Ports})
		}
	}
	return isolated, rules
}

// checkEgress holds every app pod that a NetworkPolicy isolates for egress to where it connects:
// each destination its settings name must be allowed (else its requests time out), and nothing
// else (else the policy restricts nothing): the cluster's DNS, the Temporal frontend, the MongoDB
// servers its URIs name, Stripe's API on 443 when it has STRIPE_KEY, SMTP when it has MAIL_HOST.
func checkEgress(r *report, m *manifests, apps []*app) {
	for _, w := range m.workloads {
		if !w.isService || w.labels[partOfLabel] != "ticketing" {
			continue
		}
		isolated, rules := egressFrom(r, m, w)
		if !isolated {
			continue
		}
		var needs []destination
		for _, c := range w.pod.Containers {
			if appByImage(apps, c.Image) != nil {
				needs = append(needs, appDestinations(r, m, w, podEnv(&report{}, w, c))...)
			}
		}
		for _, d := range needs {
			for _, e := range d.endpoints {
				if !slices.ContainsFunc(rules, func(rule egressRule) bool { return rule.reaches(d, e) }) {
					r.addf(w.file, "%s: its egress is isolated, but no NetworkPolicy lets it reach %s on %s: those connections would time out", w, d.what, e)
				}
			}
		}
		var wanted []string
		for _, d := range needs {
			wanted = append(wanted, d.what)
		}
		for _, rule := range rules {
			for _, peer := range rule.peers {
				for _, port := range portsOf(rule.ports) {
					if !slices.ContainsFunc(needs, func(d destination) bool { return justifies(d, peer, port) }) {
						r.addf(w.file, "%s: %s lets it reach %s on %s; it connects only to %s", w, rule.policy, peer, describePort(port), strings.Join(wanted, ", "))
					}
				}
			}
		}
	}
}

// appDestinations are where an app container connects to, from its settings.
func appDestinations(r *report, m *manifests, w workload, env map[string]envVar) []destination {
	out := []destination{{
		what: "the cluster's DNS (namespace " + dnsNamespace + ", pods " + dnsPods.String() + ")",
		peer: func(s source) bool {
			return s.namespace == dnsNamespace && s.pods != nil && !s.pods.Empty() && s.pods.Matches(dnsPods)
		},
		endpoints: []endpoint{{corev1.ProtocolUDP, 53, "dns"}, {corev1.ProtocolTCP, 53, "dns-tcp"}},
	}}
	if addr := env["TEMPORAL_ADDRESS"].value; addr != "" {
		host, port, err := net.SplitHostPort(addr)
		n, _ := strconv.Atoi(port)
		if err != nil || host != temporalFrontendService {
			r.addf(w.file, "%s: TEMPORAL_ADDRESS %q is not the chart's %s: which pods its egress must reach can't be told", w, addr, temporalFrontendService)
		} else {
			out = append(out, destination{
				what:      "the Temporal frontend (pods " + temporalFrontendPods.String() + ")",
				peer:      func(s source) bool { return inNamespace(s) && s.pods.Matches(temporalFrontendPods) },
				endpoints: []endpoint{{corev1.ProtocolTCP, int32(n), "rpc"}},
			})
		}
	}
	servers := m.mongoServers()
	for _, name := range sortedKeys(env) {
		if !strings.HasSuffix(name, "_MONGODB_URI") {
			continue
		}
		u, host := uriHost(env[name].value)
		for _, s := range servers {
			if u == nil || !slices.Contains(s.hosts, host) {
				continue
			}
			port := u.Port()
			if port == "" {
				port = "27017"
			}
			n, _ := strconv.Atoi(port)
			out = append(out, destination{
				what:      "MongoDB " + s.name,
				peer:      func(p source) bool { return inNamespace(p) && slices.Equal(m.workloadsSelected(p), []string{s.name}) },
				endpoints: []endpoint{{corev1.ProtocolTCP, int32(n), "mongo"}},
			})
		}
	}
	if _, ok := env["STRIPE_KEY"]; ok {
		out = append(out, destination{
			what:      "Stripe's API (api.stripe.com: public addresses, 0.0.0.0/0 except " + strings.Join(privateRanges, ", ") + ")",
			peer:      func(s source) bool { return s.ipBlock == "0.0.0.0/0" && containsAll(s.except, privateRanges) },
			endpoints: []endpoint{{corev1.ProtocolTCP, 443, "https"}},
		})
	}
	if _, ok := env["MAIL_HOST"]; ok {
		ports := smtpPorts
		if n, err := strconv.Atoi(env["MAIL_PORT"].value); err == nil {
			ports = []int32{int32(n)}
		}
		smtp := destination{what: "the SMTP server (any address: it may be a relay on the private network)", peer: func(s source) bool { return s.ipBlock == "0.0.0.0/0" }}
		for _, p := range ports {
			smtp.endpoints = append(smtp.endpoints, endpoint{corev1.ProtocolTCP, p, ""})
		}
		out = append(out, smtp)
	}
	return out
}

// inNamespace: a peer of this namespace that names its pods.
func inNamespace(s source) bool {
	return !s.anywhere && s.ipBlock == "" && s.namespace == "" && s.pods != nil && !s.pods.Empty()
}

func containsAll(have, want []string) bool {
	for _, w := range want {
		if !slices.Contains(have, w) {
			return false
		}
	}
	return true
}

// reaches tells whether the rule lets a connection to the destination's endpoint out.
func (rule egressRule) reaches(d destination, e endpoint) bool {
	if !slices.ContainsFunc(rule.peers, d.peer) {
		return false
	}
	if len(rule.ports) == 0 {
		return true
	}
	return slices.ContainsFunc(rule.ports, func(p networkingv1.NetworkPolicyPort) bool { return portAdmits(p, e) })
}

// portsOf lists a rule's ports; none means every port, which is nil here.
func portsOf(ports []networkingv1.NetworkPolicyPort) []*networkingv1.NetworkPolicyPort {
	if len(ports) == 0 {
		return []*networkingv1.NetworkPolicyPort{nil}
	}
	out := make([]*networkingv1.NetworkPolicyPort, len(ports))
	for i := range ports {
		out[i] = &ports[i]
	}
	return out
}

func protocolOf(p networkingv1.NetworkPolicyPort) corev1.Protocol {
	if p.Protocol != nil {
		return *p.Protocol
	}
	return corev1.ProtocolTCP
}

// portAdmits tells whether a rule's port lets traffic to the endpoint through.
func portAdmits(p networkingv1.NetworkPolicyPort, e endpoint) bool {
	switch {
	case protocolOf(p) != e.protocol:
		return false
	case p.Port == nil:
		return true
	case p.Port.Type == intstr.String:
		return e.name != "" && p.Port.StrVal == e.name
	case p.EndPort != nil:
		return e.port >= p.Port.IntVal && e.port <= *p.EndPort
	}
	return p.Port.IntVal == e.port
}

// justifies tells whether a destination needs exactly this peer and port: a peer no broader than it,
// and one of its endpoints, not a range or every port.
func justifies(d destination, peer source, port *networkingv1.NetworkPolicyPort) bool {
	if port == nil || port.Port == nil || (port.EndPort != nil && *port.EndPort != port.Port.IntVal) || !d.peer(peer) {
		return false
	}
	return slices.ContainsFunc(d.endpoints, func(e endpoint) bool { return portAdmits(*port, e) })
}

func describePort(p *networkingv1.NetworkPolicyPort) string {
	switch {
	case p == nil:
		return "every port"
	case p.Port == nil:
		return "every " + string(protocolOf(*p)) + " port"
	case p.EndPort != nil:
		return fmt.Sprintf("%s %s-%d", protocolOf(*p), p.Port.String(), *p.EndPort)
	}
	return string(protocolOf(*p)) + " " + p.Port.String()
}
