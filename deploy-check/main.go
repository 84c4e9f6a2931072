// Command deploy-check validates the deployment files of the ticketing repository offline: the
// Kubernetes manifests under k8s/ (strictly decoded against the Kubernetes API types), the Temporal
// Helm values, docker-compose.temporal.yml (through the compose-spec loader), the two Dockerfiles,
// skaffold.yaml, and the cross-references between them and the environment the apps read.
//
//	go run . <repository root>
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
