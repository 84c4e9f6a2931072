package main

import (
	"context"
	"net"
	"regexp"
	"slices"
	"strings"

	"github.com/compose-spec/compose-go/v2/dotenv"
	"github.com/compose-spec/compose-go/v2/loader"
	"github.com/compose-spec/compose-go/v2/types"
)

const composeFile = "docker-compose.temporal.yml"

// checkCompose loads the compose file with the compose-spec loader (schema, interpolation,
// consistency), taking .env.example as the environment, then checks the services: pinned images,
// dependencies that exist and can be waited on, and the apps' environment.
func checkCompose(r *report, apps []*app) {
	env, err := dotenv.Read(r.path(".env.example"))
	if err != nil {
		r.addf(".env.example", "cannot read: %v", err)
		return
	}
	r.files = append(r.files, ".env.example")
	for _, name := range []string{"JWT_KEY", "STRIPE_KEY", "STRIPE_WEBHOOK_SECRET", "STRIPE_PUBLISHABLE_KEY"} {
		if _, ok := env[name]; !ok {
			r.addf(".env.example", "does not list %s", name)
		}
	}
	if _, ok := r.read(composeFile); !ok {
		return
	}
	details := types.ConfigDetails{
		WorkingDir:  r.root,
		ConfigFiles: []types.ConfigFile{{Filename: r.path(composeFile)}},
		Environment: env,
	}
	project, err := loader.LoadWithContext(context.Background(), details, func(o *loader.Options) {
		o.SetProjectName("ticketing", false)
	})
	if err != nil {
		r.addf(composeFile, "the compose-spec loader rejects it: %v", err)
		return
	}
	served := map[string]bool{}
	hasWorkers := false
	setBy := map[*app]map[string]bool{}
	for _, name := range sortedKeys(project.Services) {
		svc := project.Services[name]
		who := "service " + name
		a := composeApp(r, apps, svc)
		if a == nil {
			if err := pinned(svc.Image); err != nil {
				r.addf(composeFile, "%s: image %s", who, err)
			}
		}
		for _, dep := range sortedKeys(svc.DependsOn) {
			checkDependency(r, project, apps, who, dep, svc.DependsOn[dep])
		}
		if a == nil {
			continue
		}
		vars := map[string]envVar{}
		if setBy[a] == nil {
			setBy[a] = map[string]bool{}
		}
		for k, v := range svc.Environment {
			vars[k] = envVar{value: deref(v)}
			setBy[a][k] = true
		}
		mongo := func(host, port string) bool {
			dep, ok := project.Services[host]
			return ok && port == "27017" && strings.HasPrefix(dep.Image, "mongo:")
		}
		for _, q := range checkAppEnv(r, composeFile, who, a, vars, mongo) {
			served[q] = true
		}
		if a.name == "workers" {
			hasWorkers = true
		}
		if addr := vars["TEMPORAL_ADDRESS"].value; addr != "" {
			if host, _, err := net.SplitHostPort(addr); err != nil || project.Services[host].Name == "" {
				r.addf(composeFile, "%s: TEMPORAL_ADDRESS %q names no service of this file", who, addr)
			}
		}
	}
	if hasWorkers {
		checkQueueCoverage(r, composeFile, served)
	}
	for _, a := range apps {
		if set, deployed := setBy[a]; deployed {
			checkSettingsCoverage(r, composeFile, "service of it", a, set, defaultedEnv, composeDefaultedEnv)
		}
	}
}

// composeApp returns the app a service builds from one of the apps' Dockerfiles.
func composeApp(r *report, apps []*app, svc types.ServiceConfig) *app {
	if svc.Build == nil {
		return nil
	}
	for _, a := range apps {
		if svc.Build.Dockerfile == a.dockerfile {
			return a
		}
	}
	r.addf(composeFile, "service %s builds from %q, which is neither app's Dockerfile", svc.Name, svc.Build.Dockerfile)
	return nil
}

func checkDependency(r *report, project *types.Project, apps []*app, who, dep string, d types.ServiceDependency) {
	target, ok := project.Services[dep]
	if !ok {
		r.addf(composeFile, "%s depends on %s, which is not a service", who, dep)
		return
	}
	switch d.Condition {
	case types.ServiceConditionHealthy:
		hasCheck := target.HealthCheck != nil && !target.HealthCheck.Disable
		if a := composeApp(r, apps, target); a != nil && !hasCheck {
			hasCheck = true // the image's own HEALTHCHECK, checked in its Dockerfile
		}
		if !hasCheck {
			r.addf(composeFile, "%s waits for %s to be healthy, but %s has no healthcheck", who, dep, dep)
		}
	case types.ServiceConditionCompletedSuccessfully:
		if slices.Contains([]string{"always", "unless-stopped"}, target.Restart) {
			r.addf(composeFile, "%s waits for %s to complete, but %s restarts %s", who, dep, dep, target.Restart)
		}
	case types.ServiceConditionStarted:
	default:
		r.addf(composeFile, "%s: unknown depends_on condition %q", who, d.Condition)
	}
}

func deref(s *string) string {
	if s == nil {
		return ""
	}
	return *s
}

// checkRootFiles checks the small files the images and compose rely on.
func checkRootFiles(r *report) {
	data, ok := r.read(".dockerignore")
	if !ok {
		return
	}
	lines := strings.Split(string(data), "\n")
	for _, must := range []string{".git", ".env", "**/target", "**/node_modules"} {
		if !slices.Contains(lines, must) {
			r.addf(".dockerignore", "does not exclude %s from the build context", must)
		}
	}
	// The images build with Maven from the root pom, which refuses to start without every module.
	pom, ok := r.read("pom.xml")
	if !ok {
		return
	}
	for _, m := range mavenModule.FindAllStringSubmatch(string(pom), -1) {
		for _, line := range lines {
			if line == m[1] || line == m[1]+"/" || strings.HasPrefix(m[1], strings.TrimSuffix(line, "/")+"/") {
				r.addf(".dockerignore", "excludes %s, a module of pom.xml that the images' Maven build needs", m[1])
			}
		}
	}
}

var mavenModule = regexp.MustCompile(`<module>([^<]+)</module>`)
