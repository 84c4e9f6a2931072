package main

import (
	"fmt"
	"net"
	"net/url"
	"regexp"
	"slices"
	"sort"
	"strconv"
	"strings"
	"time"

	"sigs.k8s.io/yaml"
)

// app is one of the two deployables: its image, its Dockerfile and the environment it reads.
type app struct {
	name       string // "api" or "workers"
	image      string // the skaffold artifact, also the image name in k8s/
	dockerfile string
	module     string          // its Maven module (-pl)
	config     string          // the application.yml whose ${NAME} placeholders are the contract
	reads      map[string]bool // nil when the config could not be read
	settings   []string        // the ${NAME} placeholders alone, sorted: what a deployment decides on
	port       int             // the default of ${PORT:...}
	// The default of ${MANAGEMENT_PORT:...} when the actuator has a port of its own, else 0.
	managementPort int
	// What the app's actuator says about itself: the health groups and Spring's shutdown phase.
	readiness, liveness []string
	shutdownPhase       time.Duration
	javaToolOptions     string // the final stage's JAVA_TOOL_OPTIONS in its Dockerfile
}

// actuatorPort is where the app answers /actuator/*: its management port if it has one.
func (a *app) actuatorPort() int {
	if a.managementPort != 0 {
		return a.managementPort
	}
	return a.port
}

var (
	// Read by the JVM and by Spring itself rather than through a placeholder.
	platformEnv = []string{"JAVA_TOOL_OPTIONS", "SPRING_PROFILES_ACTIVE"}
	// The Secrets the original app consumed, by name, and the keys each may hand out.
	appSecrets = map[string][]string{
		"jwt-secret":    {"JWT_KEY"},
		"stripe-secret": {"STRIPE_KEY", "STRIPE_WEBHOOK_SECRET", "STRIPE_PUBLISHABLE_KEY"},
		// The SMTP server the notifications send through, and who they come from (README.md, "Deploy").
		"mail-secret": {"MAIL_HOST", "MAIL_PORT", "MAIL_USERNAME", "MAIL_PASSWORD", "MAIL_STARTTLS", "MAIL_FROM"},
	}
	// Settings a deployment may leave unset because the app's default is the right value there, and
	// why. Every other ${NAME} an app reads must be set by the deployment, so that a setting added to
	// an application.yml gets decided on for compose and Kubernetes instead of silently defaulting.
	defaultedEnv = map[string]string{
		"PORT":                        "the images EXPOSE, probe and publish the apps' default ports",
		"MANAGEMENT_PORT":             "the images EXPOSE, probe and scrape the default: 9080 for the API, the workers' own PORT",
		"MONGODB_URI":                 "each domain gets its own <DOMAIN>_MONGODB_URI instead",
		"STRIPE_API_BASE":             "only tests point the Stripe client elsewhere (stripe-mock)",
		"SESSION_LIFETIME":            "24 hours is the contract's session length (docs/API.md)",
		"TICKETING_ORDERS_EXPIRATION": "15 minutes is the product's rule; only tests shorten it",
		"PAYMENTS_CURRENCY":           "usd; amounts are cents of a 2-decimal price, so another currency is a product change, not a setting",
	}
	// The same, for docker-compose.temporal.yml alone.
	composeDefaultedEnv = map[string]string{
		"SESSION_SECURE_COOKIE": "compose serves plain http://localhost:8080, where a Secure cookie is not sent back",
	}
	// Secrets of the infrastructure under k8s/temporal (Temporal's own PostgreSQL).
	infraSecrets = map[string][]string{"temporal-postgresql": {"password"}}

	placeholder           = regexp.MustCompile(`\$\{([A-Za-z_][A-Za-z0-9_]*)`)
	portDefault           = regexp.MustCompile(`\$\{PORT:(\d+)\}`)
	managementPortDefault = regexp.MustCompile(`^\$\{MANAGEMENT_PORT:(\d+)\}$`)
	managementOnPort      = regexp.MustCompile(`^\$\{MANAGEMENT_PORT:\$\{PORT:\d+\}\}$`)
	// $(NAME) in a Kubernetes env value: the value of NAME, when NAME is defined above it.
	dependentVar = regexp.MustCompile(`\$\(([A-Za-z_][A-Za-z0-9_]*)\)`)
)

func loadApps(r *report) []*app {
	apps := []*app{
		{name: "api", image: "ticketing-api", dockerfile: "api/Dockerfile", module: "api", config: "api/src/main/resources/application.yml"},
		{name: "workers", image: "ticketing-workers", dockerfile: "workers/Dockerfile", module: "workers", config: "workers/src/main/resources/application.yml"},
	}
	for _, a := range apps {
		data, ok := r.read(a.config)
		if !ok {
			continue
		}
		a.reads = map[string]bool{}
		for _, m := range placeholder.FindAllStringSubmatch(string(data), -1) {
			if !a.reads[m[1]] {
				a.settings = append(a.settings, m[1])
			}
			a.reads[m[1]] = true
		}
		sort.Strings(a.settings)
		for _, name := range platformEnv {
			a.reads[name] = true
		}
		if m := portDefault.FindStringSubmatch(string(data)); m != nil {
			a.port, _ = strconv.Atoi(m[1])
		} else {
			r.addf(a.config, "no ${PORT:<default>} placeholder: the port the %s image exposes can't be checked", a.name)
		}
		readActuatorSettings(r, a, data)
	}
	return apps
}

// readActuatorSettings reads what the deployment must agree with from the app's application.yml:
// the management port, the health groups the probes ask and how long Spring takes to shut down.
func readActuatorSettings(r *report, a *app, data []byte) {
	var config map[string]any
	if err := yaml.Unmarshal(data, &config); err != nil {
		r.addf(a.config, "is not valid YAML: %v", err)
		return
	}
	if raw, ok := dig(config, "management", "server", "port").(string); ok {
		switch m := managementPortDefault.FindStringSubmatch(raw); {
		case m != nil:
			a.managementPort, _ = strconv.Atoi(m[1])
		case !managementOnPort.MatchString(raw):
			// ${MANAGEMENT_PORT:${PORT:...}} leaves the actuator on the app's port unless told otherwise.
			r.addf(a.config, "management.server.port %q: expected ${MANAGEMENT_PORT:<default>} or ${MANAGEMENT_PORT:${PORT:<default>}}", raw)
		}
	}
	// Spring Boot's groups when probes are on and a group is not configured.
	a.readiness = healthGroup(dig(config, "management", "endpoint", "health", "group", "readiness", "include"), "readinessState")
	a.liveness = healthGroup(dig(config, "management", "endpoint", "health", "group", "liveness", "include"), "livenessState")
	a.shutdownPhase = 30 * time.Second // Spring's default timeout-per-shutdown-phase
	if raw, ok := dig(config, "spring", "lifecycle", "timeout-per-shutdown-phase").(string); ok {
		d, err := time.ParseDuration(raw)
		if err != nil {
			r.addf(a.config, "spring.lifecycle.timeout-per-shutdown-phase %q is not a duration", raw)
		}
		a.shutdownPhase = d
	}
}

func healthGroup(include any, byDefault string) []string {
	switch v := include.(type) {
	case string:
		var out []string
		for _, s := range strings.Split(v, ",") {
			out = append(out, strings.TrimSpace(s))
		}
		return out
	case []any:
		var out []string
		for _, s := range v {
			out = append(out, fmt.Sprint(s))
		}
		return out
	}
	return []string{byDefault}
}

func appByImage(apps []*app, image string) *app {
	name, _, _ := strings.Cut(image, ":")
	for _, a := range apps {
		if a.image == name {
			return a
		}
	}
	return nil
}

// envVar is one environment variable a container sets: a literal value or a Secret's key.
type envVar struct {
	value       string
	secret, key string
	optional    bool
	indirect    string // another kind of reference (configMapKeyRef, fieldRef...), not checkable
	order       int    // its place in the container's list (Kubernetes expands $(NAME) from above only)
	raw         string // compose: the value as written, before interpolation
}

// mongoHosts tells whether host:port is a MongoDB the deployment defines.
type mongoHosts func(host, port string) bool

// checkAppEnv checks what one container or compose service of an app sets against what the app
// reads, the Secrets it may use (name -> keys) and what that deployable needs. It returns the task
// queues a workers deployable serves.
func checkAppEnv(r *report, file, who string, a *app, env map[string]envVar, secrets map[string][]string, mongo mongoHosts, domains []string) []string {
	if a.reads == nil {
		return nil
	}
	// A variable only put into another one's value ($(NAME), Kubernetes) is read by Kubernetes.
	expanded := map[string]bool{}
	for _, v := range env {
		for _, m := range dependentVar.FindAllStringSubmatch(v.value, -1) {
			expanded[m[1]] = true
		}
	}
	for _, name := range sortedKeys(env) {
		v := env[name]
		if !a.reads[name] && !expanded[name] {
			r.addf(file, "%s sets %s, which the %s app does not read (no ${%s} in %s)", who, name, a.name, name, a.config)
		}
		if v.indirect != "" {
			r.addf(file, "%s takes %s from a %s; only literal values and the %s Secrets can be checked", who, name, v.indirect, strings.Join(sortedKeys(secrets), "/"))
		}
		if v.secret != "" {
			keys, known := secrets[v.secret]
			switch {
			case !known:
				r.addf(file, "%s takes %s from Secret %q; the app's Secrets are %s", who, name, v.secret, strings.Join(sortedKeys(secrets), ", "))
			case !slices.Contains(keys, v.key):
				r.addf(file, "%s takes %s from key %q of Secret %s, which holds %s", who, name, v.key, v.secret, strings.Join(keys, ", "))
			case v.key != name:
				r.addf(file, "%s sets %s from key %s of Secret %s: the key must match the variable", who, name, v.key, v.secret)
			}
		}
		for _, m := range dependentVar.FindAllStringSubmatch(v.value, -1) {
			if used, ok := env[m[1]]; !ok || used.order >= v.order {
				r.addf(file, "%s sets %s from $(%s), which is not set above it: Kubernetes would pass the text $(%s) on", who, name, m[1], m[1])
			}
		}
	}
	need := func(name, why string) {
		v, ok := env[name]
		if !ok || (v.value == "" && v.secret == "") {
			r.addf(file, "%s does not set %s (%s)", who, name, why)
		}
	}
	need("TEMPORAL_ADDRESS", "the Temporal frontend it connects to")
	for _, name := range sortedKeys(env) {
		if strings.HasSuffix(name, "_MONGODB_URI") || name == "MONGODB_URI" {
			checkMongoURI(r, file, who, name, env[name].value, mongo)
		}
	}
	switch a.name {
	case "api":
		need("JWT_KEY", "the prod profile refuses to start without it")
		if v := env["JWT_KEY"]; v.secret != "" && v.secret != "jwt-secret" {
			r.addf(file, "%s must take JWT_KEY from Secret jwt-secret", who)
		}
		if !slices.Contains(strings.Split(env["SPRING_PROFILES_ACTIVE"].value, ","), "prod") {
			r.addf(file, "%s does not set SPRING_PROFILES_ACTIVE=prod", who)
		}
		for _, d := range a.stores() {
			need(strings.ToUpper(d)+"_MONGODB_URI", "the API reads the "+d+" store")
		}
		return nil
	case "workers":
		raw, ok := env["TICKETING_WORKER_QUEUES"]
		if !ok || raw.value == "" {
			r.addf(file, "%s does not set TICKETING_WORKER_QUEUES (the queue this deployment serves)", who)
			return nil
		}
		var served []string
		for _, q := range strings.Split(raw.value, ",") {
			q = strings.TrimSpace(q)
			if _, valid := queues[q]; !valid {
				r.addf(file, "%s sets TICKETING_WORKER_QUEUES to %q: %q is not a task queue (%s)", who, raw.value, q, strings.Join(sortedKeys(queues), ", "))
				continue
			}
			served = append(served, q)
		}
		owned, read := map[string]bool{}, map[string]bool{}
		for _, q := range served {
			owned[queues[q].owns] = true
			for _, d := range queues[q].reads {
				read[d] = true
			}
		}
		for _, d := range domains {
			name := strings.ToUpper(d) + "_MONGODB_URI"
			_, set := env[name]
			switch {
			case owned[d]:
				need(name, "its queue works on the "+d+" store")
			case read[d]:
				need(name, "its queue reads the "+d+" store")
				checkReadOnlyURI(r, file, who, name, env[name].value, d, served)
			case set:
				r.addf(file, "%s sets %s but serves %s: a worker gets only its own domains' databases", who, name, strings.Join(served, ","))
			}
		}
		if _, set := env["MONGODB_URI"]; set {
			r.addf(file, "%s sets MONGODB_URI, which opens every domain's database to it; set only the <DOMAIN>_MONGODB_URI it needs", who)
		}
		for _, q := range served {
			// Empty is allowed: the app then uses its offline sandbox gateway.
			if _, set := env["STRIPE_KEY"]; queues[q].stripe && !set {
				r.addf(file, "%s does not set STRIPE_KEY (the %s activities call Stripe)", who, q)
			}
			if queues[q].mail {
				need("MAIL_HOST", "the "+q+" activities send email through it")
				need("MAIL_PORT", "the "+q+" activities send email through it")
				need("MAIL_FROM", "the sender of the "+q+" emails")
			}
		}
		return served
	}
	return nil
}

// checkMongoURI checks that a domain's URI names a MongoDB the deployment defines and that
// database.
func checkMongoURI(r *report, file, who, name, raw string, mongo mongoHosts) {
	if raw == "" {
		return
	}
	u, err := url.Parse(dependentVar.ReplaceAllString(raw, "x"))
	if err != nil || u.Scheme != "mongodb" {
		r.addf(file, "%s sets %s to %q, not a mongodb:// URI", who, name, raw)
		return
	}
	host, port, err := net.SplitHostPort(u.Host)
	if err != nil {
		host, port = u.Host, "27017"
	}
	if !mongo(host, port) {
		r.addf(file, "%s sets %s to %q, but nothing here serves MongoDB at %s:%s", who, name, raw, host, port)
	}
	if domain := strings.ToLower(strings.TrimSuffix(name, "_MONGODB_URI")); name != "MONGODB_URI" && u.Path != "/"+domain {
		r.addf(file, "%s sets %s to %q: its path should name the %s database (/%s)", who, name, raw, domain, domain)
	}
}

func sortedKeys[V any](m map[string]V) []string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	return keys
}

// checkSettingsCoverage reports a setting an app reads that none of its containers or services in one
// deployment sets, unless the app's default is known to be right there.
func checkSettingsCoverage(r *report, file, where string, a *app, set map[string]bool, defaulted ...map[string]string) {
	for _, name := range a.settings {
		known := set[name]
		for _, d := range defaulted {
			_, ok := d[name]
			known = known || ok
		}
		if !known {
			r.addf(file, "the %s app reads ${%s} (%s), which no %s %s sets; set it there, or add it to deploy-check's defaultedEnv with why the default is right", a.name, name, a.config, a.name, where)
		}
	}
}

// checkQueueCoverage reports task queues that no workers deployment serves.
func checkQueueCoverage(r *report, file string, all []string, served map[string]bool) {
	for _, q := range all {
		if !served[q] {
			r.addf(file, "no workers deployment serves the %s task queue", q)
		}
	}
}

func describe(kind, name string) string {
	return fmt.Sprintf("%s/%s", kind, name)
}

// checkReadOnlyURI holds a worker's URI to a database its queues only read to its own domain's user,
// whose grant there is read: signing in as the database's owner would let it write there too.
func checkReadOnlyURI(r *report, file, who, name, raw, domain string, served []string) {
	u, _ := uriHost(raw)
	if u == nil || u.User == nil || u.User.Username() != domain {
		return
	}
	r.addf(file, "%s: %s signs in as %q, who may write the %s database, which %s only reads: sign in as its own domain's user, whose grant there is read", who, name, domain, domain, strings.Join(served, ","))
}

// settingValues collects, per setting, the values the app containers (or services) of one deployment
// give it, and who gives each.
type settingValues map[string]map[string][]string

func (s settingValues) add(who string, env map[string]envVar) {
	for name, v := range env {
		value := strconv.Quote(v.value)
		if v.secret != "" {
			value = "key " + v.key + " of Secret " + v.secret
		}
		if s[name] == nil {
			s[name] = map[string][]string{}
		}
		s[name][value] = append(s[name][value], who)
	}
}

// checkShared holds a setting that both apps read to one value across a deployment: the API and the
// workers each bind it (the payout's terms, the web client's address, Temporal, Stripe's key), and two
// values would have them disagree, as a fee shown to the seller that is not the fee taken. Each
// container's own ports, JVM and store URIs (each signs in as its own user) may differ.
func (s settingValues) checkShared(r *report, file string, apps []*app) {
	for _, name := range sortedKeys(s) {
		if len(s[name]) < 2 || slices.Contains(platformEnv, name) || strings.HasSuffix(name, "_MONGODB_URI") || strings.HasSuffix(name, "PORT") {
			continue
		}
		readers := 0
		for _, a := range apps {
			if a.reads[name] {
				readers++
			}
		}
		if readers < len(apps) {
			continue
		}
		var values []string
		for _, value := range sortedKeys(s[name]) {
			values = append(values, value+" ("+strings.Join(s[name][value], ", ")+")")
		}
		r.addf(file, "%s differs between containers: %s; the API and the workers both read it, so they must agree", name, strings.Join(values, " but "))
	}
}
