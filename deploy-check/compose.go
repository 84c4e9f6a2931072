package main

import (
	"context"
	"fmt"
	"maps"
	"net"
	"os"
	"regexp"
	"slices"
	"sort"
	"strings"

	"sigs.k8s.io/yaml"

	"github.com/compose-spec/compose-go/v2/dotenv"
	"github.com/compose-spec/compose-go/v2/loader"
	"github.com/compose-spec/compose-go/v2/types"
)

const composeFile = "docker-compose.temporal.yml"

// checkCompose loads the compose file with the compose-spec loader (schema, interpolation,
// consistency), first with .env.example as it stands (which compose must refuse: every secret in it
// is empty), then with a made-up value for each of those secrets, and checks the services: pinned
// images, dependencies that exist and can be waited on, the apps' environment, MongoDB's
// authentication and Temporal's connection budget.
func checkCompose(r *report, apps []*app, code needs, values map[string]any) {
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
	raw, ok := r.read(composeFile)
	if !ok {
		return
	}
	secrets := checkComposeSecrets(r, raw, env)
	load := func(env map[string]string) (*types.Project, error) {
		details := types.ConfigDetails{
			WorkingDir:  r.root,
			ConfigFiles: []types.ConfigFile{{Filename: r.path(composeFile)}},
			Environment: env,
		}
		return loader.LoadWithContext(context.Background(), details, func(o *loader.Options) {
			o.SetProjectName("ticketing", false)
		})
	}
	if _, err := load(env); err == nil && len(secrets) > 0 {
		r.addf(composeFile, "starts with .env.example as it stands: every secret must be required (${NAME:?...}) and left empty there")
	}
	filled := maps.Clone(env)
	for _, name := range secrets {
		if filled[name] == "" {
			filled[name] = "deploy0check0" + strings.ToLower(name) // hex-safe, so URIs stay valid
		}
	}
	project, err := load(filled)
	if err != nil {
		r.addf(composeFile, "the compose-spec loader rejects it: %v", err)
		return
	}
	rawEnv := rawServiceEnv(r, raw)
	scripts := map[string]string{}
	for _, name := range sortedKeys(project.Services) {
		svc := project.Services[name]
		if script := strings.Join(append(slices.Clone(svc.Entrypoint), svc.Command...), "\n"); strings.Contains(script, "search-attribute create") {
			scripts["service "+name] = script
		}
	}
	checkSearchAttributes(r, composeFile, composeFile, code.attributes, scripts)
	served := map[string]bool{}
	hasWorkers := false
	setBy := map[*app]map[string]bool{}
	given := settingValues{}
	var servers []mongoServer
	var clients []mongoClient
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
		vars := map[string]envVar{}
		for k, v := range svc.Environment {
			vars[k] = envVar{value: deref(v), raw: rawEnv[name][k]}
		}
		if isMongoImage(svc.Image) {
			servers = append(servers, composeMongo(r, project, name, svc, vars))
		}
		if a == nil {
			continue
		}
		if setBy[a] == nil {
			setBy[a] = map[string]bool{}
		}
		for k := range vars {
			setBy[a][k] = true
		}
		given.add(who, vars)
		mongo := func(host, port string) bool {
			dep, ok := project.Services[host]
			return ok && port == "27017" && isMongoImage(dep.Image)
		}
		for _, q := range checkAppEnv(r, composeFile, who, a, vars, appSecrets, mongo, domainsOf(apps)) {
			served[q] = true
		}
		for _, k := range sortedKeys(vars) {
			if domain, ok := strings.CutSuffix(k, "_MONGODB_URI"); ok {
				clients = append(clients, mongoClient{file: composeFile, who: who, workload: name, domain: strings.ToLower(domain), uri: vars[k].value, env: vars})
			}
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
		checkQueueCoverage(r, composeFile, code.queues, served)
	}
	given.checkShared(r, composeFile, apps)
	for _, a := range apps {
		if set, deployed := setBy[a]; deployed {
			checkSettingsCoverage(r, composeFile, "service of it", a, set, defaultedEnv, composeDefaultedEnv)
		}
	}
	fromEnvFile := func(s mongoServer, v envVar, name, user string) string {
		if !strings.Contains(v.raw, "${"+name+":?") {
			return "must come from .env as ${" + name + ":?...}, not be written here"
		}
		return ""
	}
	clientPassword := func(c mongoClient, user string, s mongoServer) string {
		name := strings.ToUpper(user) + "_MONGODB_PASSWORD"
		if raw := c.env[strings.ToUpper(c.domain)+"_MONGODB_URI"].raw; !strings.Contains(raw, ":${"+name+":?") {
			return "must take its password from ${" + name + ":?...}, the one service " + s.name + " creates the user with"
		}
		return ""
	}
	checkMongoAuth(r, servers, clients, mongoPasswords{fromEnvFile, clientPassword})
	checkComposeTemporal(r, project, values)
	checkComposeMail(r, project)
}

// checkComposeMail holds the SMTP server the app services send to (MAIL_HOST) to a service of this
// file that drops an email whose Message-ID it already has: the notifications make each Message-ID
// from its event, so an email sent again after a crash between its send and its record is not
// delivered twice. Mailpit does so with --ignore-duplicate-ids. Its UI shows every email to whoever
// reaches it, without signing in, so it is published on this machine only.
func checkComposeMail(r *report, project *types.Project) {
	checked := map[string]bool{}
	for _, name := range sortedKeys(project.Services) {
		host := deref(project.Services[name].Environment["MAIL_HOST"])
		if host == "" || checked[host] {
			continue
		}
		checked[host] = true
		smtp, ok := project.Services[host]
		if !ok {
			r.addf(composeFile, "service %s: MAIL_HOST %q names no service of this file", name, host)
			continue
		}
		if image, _, _ := strings.Cut(smtp.Image, ":"); image != "axllent/mailpit" {
			r.addf(composeFile, "service %s runs %s: the notifications' exactly-once delivery needs an SMTP server that drops a repeated Message-ID (Mailpit, with --ignore-duplicate-ids)", host, smtp.Image)
			continue
		}
		args := append(slices.Clone(smtp.Entrypoint), smtp.Command...)
		if !slices.Contains(args, "--ignore-duplicate-ids") && !slices.Contains(args, "--ignore-duplicate-ids=true") && deref(smtp.Environment["MP_IGNORE_DUPLICATE_IDS"]) != "true" {
			r.addf(composeFile, "service %s runs Mailpit without --ignore-duplicate-ids: an email sent again after a crash would be delivered twice", host)
		}
		for _, p := range smtp.Ports {
			if p.Published != "" && p.HostIP != "127.0.0.1" {
				r.addf(composeFile, "service %s publishes port %d on %q: Mailpit's UI and SMTP take anyone; publish on 127.0.0.1 only", host, p.Target, p.HostIP)
			}
		}
	}
}

// composeMongo describes a compose service that runs MongoDB.
func composeMongo(r *report, project *types.Project, name string, svc types.ServiceConfig, env map[string]envVar) mongoServer {
	s := mongoServer{file: composeFile, who: "service " + name, name: name, hosts: []string{name}, args: append(slices.Clone(svc.Entrypoint), svc.Command...), env: env}
	s.domains, s.reads = splitList(env["TICKETING_DOMAINS"].value), parseReads(env["TICKETING_READS"].value)
	for _, c := range svc.Configs {
		if !strings.HasPrefix(c.Target, mongoInitDir+"/") {
			continue
		}
		if cfg, ok := project.Configs[c.Source]; ok {
			if data, err := os.ReadFile(cfg.File); err == nil {
				s.scripts = append(s.scripts, string(data))
			} else if cfg.Content != "" {
				s.scripts = append(s.scripts, cfg.Content)
			}
		}
	}
	return s
}

// checkComposeTemporal holds compose's Temporal to the chart's image versions and its PostgreSQL
// connections to what the database allows.
func checkComposeTemporal(r *report, project *types.Project, values map[string]any) {
	tags := map[string]string{
		"temporalio/server":      fmt.Sprint(dig(values, "server", "image", "tag")),
		"temporalio/admin-tools": fmt.Sprint(dig(values, "admintools", "image", "tag")),
		"temporalio/ui":          fmt.Sprint(dig(values, "web", "image", "tag")),
	}
	var temporalEnv map[string]string
	var pgCommand []string
	for _, name := range sortedKeys(project.Services) {
		svc := project.Services[name]
		image, tag, _ := strings.Cut(svc.Image, ":")
		if want, ok := tags[image]; ok && values != nil && tag != want {
			r.addf(composeFile, "service %s runs %s, but the Helm chart runs %s:%s (k8s/temporal/values.yaml): keep them on one version", name, svc.Image, image, want)
		}
		if image == "temporalio/server" {
			temporalEnv = map[string]string{}
			for k, v := range svc.Environment {
				temporalEnv[k] = deref(v)
			}
		}
		if image == "postgres" {
			pgCommand = svc.Command
		}
	}
	if temporalEnv != nil {
		checkComposeConnections(r, temporalEnv, pgCommand)
	}
}

// Secrets: variables named like one. Those that may be empty, and what empty means.
var (
	secretName      = regexp.MustCompile(`(^|_)(KEY|PASSWORD|PWD|SECRET|TOKEN)$`)
	optionalSecrets = map[string]string{
		"STRIPE_KEY":             "empty selects the offline sandbox gateway",
		"STRIPE_WEBHOOK_SECRET":  "empty turns the webhook endpoint off",
		"STRIPE_PUBLISHABLE_KEY": "empty offers test cards instead of a card form",
	}
	interpolation = regexp.MustCompile(`(^|[^$])\$\{([A-Za-z_][A-Za-z0-9_]*)(:?[-?+]?)([^}]*)\}`)
	uriPassword   = regexp.MustCompile(`://[^/@:\s]+:([^@\s]+)@`)
)

// checkComposeSecrets holds compose to having no secret that works out of the box: each secret comes
// from .env, is required there (${NAME:?...}, so compose refuses to start while it is empty) unless
// empty has a meaning, and .env.example leaves it empty; no secret is written into the file itself.
// It returns the required secrets.
func checkComposeSecrets(r *report, raw []byte, example map[string]string) []string {
	var required []string
	var text strings.Builder
	for _, line := range strings.Split(string(raw), "\n") {
		if !strings.HasPrefix(strings.TrimSpace(line), "#") {
			text.WriteString(line + "\n")
		}
	}
	for _, m := range interpolation.FindAllStringSubmatch(text.String(), -1) {
		name, op, def := m[2], m[3], m[4]
		if !secretName.MatchString(name) {
			continue
		}
		if why, optional := optionalSecrets[name]; optional {
			if op != ":-" || def != "" {
				r.addf(composeFile, "${%s%s%s}: an optional secret defaults to empty (${%s:-}), as %s", name, op, def, name, why)
			}
		} else if op != ":?" {
			r.addf(composeFile, "${%s%s%s}: a secret must be required (${%s:?...}), so compose refuses to start without it instead of starting with a placeholder", name, op, def, name)
		} else if !slices.Contains(required, name) {
			required = append(required, name)
		}
		value, listed := example[name]
		switch {
		case !listed:
			r.addf(".env.example", "does not list %s, a secret %s reads", name, composeFile)
		case value != "":
			r.addf(".env.example", "gives %s the value %q, a placeholder compose would start with: leave it empty", name, value)
		}
	}
	for service, env := range rawServiceEnv(r, raw) {
		for _, name := range sortedKeys(env) {
			value := env[name]
			if secretName.MatchString(name) && value != "" && !strings.Contains(value, "${") {
				r.addf(composeFile, "service %s writes %s into the file: take it from .env (${%s:?...})", service, name, name)
			}
			if m := uriPassword.FindStringSubmatch(value); m != nil && !strings.HasPrefix(m[1], "${") {
				r.addf(composeFile, "service %s writes a password into %s: take it from .env", service, name)
			}
		}
	}
	sort.Strings(required)
	return required
}

// rawServiceEnv is each service's environment as written, before interpolation.
func rawServiceEnv(r *report, raw []byte) map[string]map[string]string {
	var doc struct {
		Services map[string]struct {
			Environment any `json:"environment"`
		} `json:"services"`
	}
	if err := yaml.Unmarshal(raw, &doc); err != nil {
		return nil // the loader reports it
	}
	out := map[string]map[string]string{}
	for name, svc := range doc.Services {
		env := map[string]string{}
		switch v := svc.Environment.(type) {
		case map[string]any:
			for k, val := range v {
				if val != nil {
					env[k] = fmt.Sprint(val)
				}
			}
		case []any:
			for _, item := range v {
				k, val, _ := strings.Cut(fmt.Sprint(item), "=")
				env[k] = val
			}
		}
		out[name] = env
	}
	return out
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
