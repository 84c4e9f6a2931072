package main

import (
	"os"
	"regexp"
	"strings"
)

// A repository path named in a deployment file, usually in a comment that sends the reader there:
// README.md, or a path under one of the repository's own top-level folders.
var repoPath = regexp.MustCompile(`(?:^|[^\w/.-])((?:README\.md)|(?:docs|k8s|monitoring|api|workers|scripts|postman|deploy-check)/[\w./-]*\w\.(?:md|ya?ml|json|sh))\b`)

// checkReferences reports paths that the deployment files name but the repository lacks, so a
// comment can't send an operator to a guide or manifest that was renamed or never written.
func checkReferences(r *report) {
	for _, file := range r.files {
		if strings.HasSuffix(file, "application.yml") {
			continue
		}
		data, err := os.ReadFile(r.path(file))
		if err != nil {
			continue // reported when it was first read
		}
		seen := map[string]bool{}
		for n, line := range strings.Split(string(data), "\n") {
			for _, m := range repoPath.FindAllStringSubmatch(line, -1) {
				if path := m[1]; !seen[path] && !r.exists(path) {
					seen[path] = true
					r.addf(file, "line %d names %s, which does not exist", n+1, path)
				}
			}
		}
	}
}
