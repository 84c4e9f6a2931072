package main

import (
	"fmt"
	"os"
	"path/filepath"
	"sort"
)

// report collects what was read and what is wrong, each problem prefixed with the file it is in.
type report struct {
	root     string
	files    []string
	problems []string
}

func (r *report) addf(file, format string, args ...any) {
	r.problems = append(r.problems, file+": "+fmt.Sprintf(format, args...))
}

// read returns a file under the root by its slash-separated relative path, recording it as checked.
func (r *report) read(rel string) ([]byte, bool) {
	data, err := os.ReadFile(r.path(rel))
	if err != nil {
		r.addf(rel, "cannot read: %v", err)
		return nil, false
	}
	r.files = append(r.files, rel)
	return data, true
}

func (r *report) path(rel string) string {
	return filepath.Join(r.root, filepath.FromSlash(rel))
}

func (r *report) exists(rel string) bool {
	info, err := os.Stat(r.path(rel))
	return err == nil && !info.IsDir()
}

// needs is what the apps' code asks of every deployment, beside the settings each app reads.
type needs struct {
	queues     []string          // the task queues, each served by some workers deployment
	attributes map[string]string // the search attributes the workflows set, name -> type
}

// run checks every deployment file of the repository at root.
func run(root string) *report {
	r := &report{root: root}
	apps := loadApps(r)
	for _, app := range apps {
		checkHealthGroups(r, app)
		checkDockerfile(r, app)
	}
	code := needs{queues: taskQueues(r), attributes: workflowSearchAttributes(r)}
	m := loadManifests(r)
	checkManifests(r, m, apps, code)
	values := checkHelmValues(r, m, "k8s/temporal/values.yaml")
	checkSkaffold(r, m, apps)
	checkCompose(r, apps, code, values)
	checkRootFiles(r)
	checkReferences(r)
	sort.Strings(r.problems)
	return r
}
