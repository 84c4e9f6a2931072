// Command deploy-check validates the deployment files of the ticketing repository offline: the
// Kubernetes manifests under k8s/ (strictly decoded against the Kubernetes, Gateway API and Envoy
// Gateway types), the Temporal Helm values, docker-compose.temporal.yml (through the compose-spec
// loader), the two Dockerfiles, skaffold.yaml, and the cross-references between them and the
// environment the apps read. It holds them to the deployment's policies, each derived from the files
// rather than from a list of domains, so a new domain is checked by adding its files:
//
//   - every pod passes the restricted Pod Security level (security.go), the Temporal chart's too;
//
//   - every MongoDB runs with --auth, a root password from a Secret (or .env), and one user per domain
//     that may only read and write its own database, and read another's only where TICKETING_READS
//     grants it; every URI signs in as its domain's user, or as such a reader (mongo.go);
//
//   - NetworkPolicies let a domain's database be reached only by the workloads whose URIs name it,
//     nothing but Prometheus reach the workers, and only the Gateway and Prometheus reach the API
//     (netpol.go); a pod isolated for egress reaches every destination its settings name (DNS,
//     Temporal, its databases, Stripe, SMTP) and nothing else (egress.go);
//
//   - readiness is the pod's own state, never a store; probes and scraping use the actuator's port; a
//     Deployment behind a Service sleeps before it stops, and the shutdown fits the grace period; no
//     Deployment sets replicas (lifecycle.go);
//
//   - Temporal's connection pools fit in PostgreSQL's max_connections, in Kubernetes and compose
//     (postgres.go);
//
//   - each app's JVM fits its container: an explicit collector and processor count, heap + measured
//     off-heap within the memory limit, memory requested as much as the limit (jvm.go);
//
//   - compose takes every secret from .env, required, and .env.example holds no placeholder; its SMTP
//     server drops a repeated Message-ID and shows its UI on localhost only (compose.go);
//
//   - traffic comes in through the Gateway API with TLS and the 2 MiB body limit, not ingress-nginx
//     (gateway.go);
//
//   - every task queue of TaskQueues.java is served by a workers deployment given its domain's
//     database, the databases it only reads and the outside services its activities call (queues.go);
//
//   - every search attribute the workflows declare is registered, as its type, by compose's setup and
//     the Kubernetes Job (searchattributes.go);
//
//   - a setting both apps read (the payout's terms, the web client's address) has one value across
//     a deployment (apps.go).
//
//     go run . <repository root>
//
// It prints one line per problem and exits 1 when there is any.
package main

import (
	"fmt"
	"os"
)

func main() {
	if len(os.Args) != 2 {
		fmt.Fprintln(os.Stderr, "usage: deploy-check <repository root>")
		os.Exit(2)
	}
	r := run(os.Args[1])
	for _, p := range r.problems {
		fmt.Println(p)
	}
	fmt.Printf("deploy-check: %d files checked, %d problems\n", len(r.files), len(r.problems))
	if len(r.problems) > 0 {
		os.Exit(1)
	}
}
