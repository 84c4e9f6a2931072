package main

import (
	"path"
	"path/filepath"
	"slices"
	"sort"
	"strconv"
	"strings"

	"sigs.k8s.io/yaml"
)

const skaffoldFile = "skaffold.yaml"

// The newest skaffold config schema (skaffold v2.19.0 and later read it).
const latestSkaffoldSchema = 14

// The part of skaffold's schema this deployment uses.
type skaffoldConfig struct {
	APIVersion string `json:"apiVersion"`
	Kind       string `json:"kind"`
	Build      struct {
		Artifacts []struct {
			Image   string `json:"image"`
			Context string `json:"context"`
			Docker  *struct {
				Dockerfile string `json:"dockerfile"`
			} `json:"docker"`
		} `json:"artifacts"`
	} `json:"build"`
	Manifests struct {
		RawYaml []string `json:"rawYaml"`
	} `json:"manifests"`
	Deploy struct {
		Kubectl *map[string]any `json:"kubectl"`
	} `json:"deploy"`
}

// checkSkaffold checks that skaffold builds both apps from their Dockerfiles and deploys exactly the
// manifests at the top of k8s/ (the Temporal files under k8s/temporal are installed by hand).
func checkSkaffold(r *report, m *manifests, apps []*app) {
	data, ok := r.read(skaffoldFile)
	if !ok {
		return
	}
	var cfg skaffoldConfig
	if err := yaml.Unmarshal(data, &cfg); err != nil {
		r.addf(skaffoldFile, "is not valid: %v", err)
		return
	}
	version, isV4beta := strings.CutPrefix(cfg.APIVersion, "skaffold/v4beta")
	if n, err := strconv.Atoi(version); !isV4beta || err != nil || cfg.Kind != "Config" {
		r.addf(skaffoldFile, "apiVersion %q kind %q: expected a skaffold/v4beta… Config", cfg.APIVersion, cfg.Kind)
	} else if n < latestSkaffoldSchema {
		r.addf(skaffoldFile, "apiVersion %s: skaffold's current schema is skaffold/v4beta%d (skaffold fix upgrades it)", cfg.APIVersion, latestSkaffoldSchema)
	}
	built := map[string]bool{}
	for _, art := range cfg.Build.Artifacts {
		built[art.Image] = true
		if art.Docker == nil || art.Docker.Dockerfile == "" {
			r.addf(skaffoldFile, "artifact %s is not built from a Dockerfile", art.Image)
			continue
		}
		dockerfile := path.Join(filepath.ToSlash(art.Context), art.Docker.Dockerfile)
		if !r.exists(dockerfile) {
			r.addf(skaffoldFile, "artifact %s: Dockerfile %s does not exist", art.Image, dockerfile)
		}
		if a := appByImage(apps, art.Image); a != nil && dockerfile != a.dockerfile {
			r.addf(skaffoldFile, "artifact %s is built from %s, not %s", art.Image, dockerfile, a.dockerfile)
		}
	}
	for _, a := range apps {
		if !built[a.image] {
			r.addf(skaffoldFile, "does not build %s (%s)", a.image, a.dockerfile)
		}
	}
	for _, o := range m.objects {
		w, ok := workloadOf(m, o)
		if !ok {
			continue
		}
		for _, c := range w.pod.Containers {
			if strings.HasPrefix(c.Image, "ticketing-") && !built[c.Image] {
				r.addf(o.file, "%s container %s runs image %s, which skaffold does not build", o, c.Name, c.Image)
			}
		}
	}
	if cfg.Deploy.Kubectl == nil {
		r.addf(skaffoldFile, "does not deploy with kubectl (deploy.kubectl)")
	}
	var deployed []string
	for _, glob := range cfg.Manifests.RawYaml {
		matches, err := filepath.Glob(r.path(glob))
		if err != nil || len(matches) == 0 {
			r.addf(skaffoldFile, "manifests glob %q matches no file", glob)
		}
		for _, match := range matches {
			rel, _ := filepath.Rel(r.root, match)
			deployed = append(deployed, filepath.ToSlash(rel))
		}
	}
	var want []string
	for _, f := range m.files {
		if !strings.Contains(strings.TrimPrefix(f, "k8s/"), "/") {
			want = append(want, f)
		}
	}
	sort.Strings(deployed)
	for _, f := range want {
		if !slices.Contains(deployed, f) {
			r.addf(skaffoldFile, "does not deploy %s", f)
		}
	}
	for _, f := range deployed {
		if !slices.Contains(want, f) {
			r.addf(skaffoldFile, "deploys %s, which is not a manifest at the top of k8s/", f)
		}
	}
}

func workloadOf(m *manifests, o object) (workload, bool) {
	for _, w := range m.workloads {
		if w.file == o.file && w.kind == o.kind && w.name == o.name {
			return w, true
		}
	}
	return workload{}, false
}

// checkHelmValues checks the Temporal chart's values: valid YAML, the keys chart 1.x expects, none
// of the keys it refuses, a persistence block whose stores exist, image tags written out (and the
// search-attribute Job on admin-tools' tag), pods that pass the restricted Pod Security level, and
// connection pools PostgreSQL can hold. It returns the values, nil when they can't be read.
func checkHelmValues(r *report, m *manifests, file string) map[string]any {
	data, ok := r.read(file)
	if !ok {
		return nil
	}
	var values map[string]any
	if err := yaml.Unmarshal(data, &values); err != nil {
		r.addf(file, "is not valid YAML: %v", err)
		return nil
	}
	for _, key := range []string{"server", "web", "admintools"} {
		if _, ok := values[key]; !ok {
			r.addf(file, "has no top-level %q", key)
		}
	}
	for _, key := range []string{"cassandra", "elasticsearch", "prometheus", "grafana", "mysql", "postgresql"} {
		if _, ok := values[key]; ok {
			r.addf(file, "top-level %q: chart 1.x removed it and refuses to render with it set", key)
		}
	}
	for _, key := range []string{"createDatabase", "setup", "update"} {
		if dig(values, "schema", key) != nil {
			r.addf(file, "schema.%s: chart 1.x refuses it; set createDatabase / manageSchema on each datastore", key)
		}
	}
	persistence, _ := dig(values, "server", "config", "persistence").(map[string]any)
	if persistence == nil {
		r.addf(file, "has no server.config.persistence")
		return values
	}
	if shards, ok := persistence["numHistoryShards"].(float64); !ok || shards < 1 || shards != float64(int(shards)) {
		r.addf(file, "server.config.persistence.numHistoryShards must be a positive integer")
	}
	stores, _ := persistence["datastores"].(map[string]any)
	for _, key := range []string{"defaultStore", "visibilityStore"} {
		name, _ := persistence[key].(string)
		if _, ok := stores[name]; !ok {
			r.addf(file, "server.config.persistence.%s %q names no datastore", key, name)
		}
	}
	for _, key := range []string{"server", "admintools", "web"} {
		if tag, ok := dig(values, key, "image", "tag").(string); !ok || pinned("x:"+tag) != nil {
			r.addf(file, "%s.image.tag is not written out as a version: compose and the Job under k8s/temporal are held to it", key)
		}
	}
	if tag, ok := dig(values, "admintools", "image", "tag").(string); ok {
		for _, w := range m.workloads {
			for _, c := range w.pod.Containers {
				if image, got, _ := strings.Cut(c.Image, ":"); image == "temporalio/admin-tools" && got != tag {
					r.addf(w.file, "%s container %s runs %s, but the chart's admin-tools are %s (%s)", w, c.Name, c.Image, tag, file)
				}
			}
		}
	}
	checkChartPodSecurity(r, file, values)
	checkK8sConnections(r, m, file, values)
	return values
}

func dig(v any, path ...string) any {
	for _, key := range path {
		m, ok := v.(map[string]any)
		if !ok {
			return nil
		}
		v = m[key]
	}
	return v
}
