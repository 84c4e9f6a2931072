package main

import (
	"io/fs"
	"path/filepath"
	"regexp"
	"sort"
	"strings"

	batchv1 "k8s.io/api/batch/v1"
)

// Where the workflows declare the search attributes they set.
const workflowSources = "workflows/src/main/java"

var (
	searchAttributeKey = regexp.MustCompile(`SearchAttributeKey\.for(\w+)\(\s*"(\w+)"\s*\)`)
	// The registering script's loop, as compose's temporal-setup and the k8s Job write it.
	registerLoop = regexp.MustCompile(`for name in ([\w ]+); do`)
	registerType = regexp.MustCompile(`search-attribute create [^\n]*--type "?(\w+)"?`)
	// SearchAttributeKey.for<Kind> and the type the temporal CLI creates it with.
	attributeTypes = map[string]string{
		"Keyword": "Keyword", "KeywordList": "KeywordList", "Text": "Text", "Long": "Int",
		"Double": "Double", "Boolean": "Bool", "OffsetDateTime": "Datetime",
	}
)

// workflowSearchAttributes are the search attributes the workflow code declares, name -> type.
func workflowSearchAttributes(r *report) map[string]string {
	out := map[string]string{}
	err := filepath.WalkDir(r.path(workflowSources), func(path string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() || !strings.HasSuffix(path, ".java") {
			return err
		}
		rel, _ := filepath.Rel(r.root, path)
		data, ok := r.read(filepath.ToSlash(rel))
		if !ok {
			return nil
		}
		for _, m := range searchAttributeKey.FindAllStringSubmatch(string(data), -1) {
			out[m[2]] = attributeTypes[m[1]]
		}
		return nil
	})
	if err != nil {
		r.addf(workflowSources, "cannot list the workflows' sources: %v", err)
	}
	return out
}

// registered reads the search attributes a setup script creates, name -> type.
func registered(script string) map[string]string {
	out := map[string]string{}
	kind := ""
	if m := registerType.FindStringSubmatch(script); m != nil {
		kind = m[1]
	}
	for _, m := range registerLoop.FindAllStringSubmatch(script, -1) {
		for _, name := range strings.Fields(m[1]) {
			out[name] = kind
		}
	}
	return out
}

// checkSearchAttributes holds a deployment's setup to the search attributes the workflows set:
// Temporal refuses to start a workflow, or to upsert an attribute, that its namespace does not have.
// where names each script that registers them (a compose service, a Job's container) by its text.
func checkSearchAttributes(r *report, file, deployment string, wanted map[string]string, where map[string]string) {
	if len(wanted) == 0 {
		return
	}
	if len(where) == 0 {
		r.addf(file, "%s registers no search attributes (a `for name in ...; do temporal operator search-attribute create` script), but the workflows set %s", deployment, strings.Join(sortedKeys(wanted), ", "))
		return
	}
	for _, who := range sortedKeys(where) {
		have := registered(where[who])
		var missing []string
		for _, name := range sortedKeys(wanted) {
			switch kind, ok := have[name]; {
			case !ok:
				missing = append(missing, name+" ("+wanted[name]+")")
			case kind != wanted[name]:
				r.addf(file, "%s registers the search attribute %s as %s, but the workflows set it as %s", who, name, kind, wanted[name])
			}
		}
		sort.Strings(missing)
		if len(missing) > 0 {
			r.addf(file, "%s does not register the search attributes %s, which the workflows (%s) set: Temporal would refuse those workflows", who, strings.Join(missing, ", "), workflowSources)
		}
	}
}

// k8sSearchAttributeScripts are the scripts of the Jobs under k8s/ that create search attributes.
func k8sSearchAttributeScripts(m *manifests) (file string, where map[string]string) {
	where = map[string]string{}
	file = "k8s"
	for _, w := range m.workloads {
		if _, ok := w.obj.(*batchv1.Job); !ok {
			continue
		}
		for _, c := range w.pod.Containers {
			script := strings.Join(append(append([]string{}, c.Command...), c.Args...), "\n")
			if strings.Contains(script, "search-attribute create") {
				where[w.String()+" container "+c.Name] = script
				file = w.file
			}
		}
	}
	return file, where
}
