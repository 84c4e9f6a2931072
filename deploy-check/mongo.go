package main

import (
	"net"
	"net/url"
	"path"
	"regexp"
	"slices"
	"sort"
	"strings"

	appsv1 "k8s.io/api/apps/v1"
	corev1 "k8s.io/api/core/v1"
	"k8s.io/apimachinery/pkg/labels"
)

// The script that creates each domain's MongoDB user. Compose mounts this file; Kubernetes a
// ConfigMap that must hold the same text.
const mongoInitScript = "k8s/mongo/create-domain-users.js"

// Where the mongo image's entrypoint runs scripts from, once, on an empty data volume.
const mongoInitDir = "/docker-entrypoint-initdb.d"

var (
	// The one grant a domain user may have: readWrite on the database named after the domain.
	domainUserGrant = regexp.MustCompile(`roles:\s*\[\s*\{\s*role:\s*"readWrite",\s*db:\s*domain\s*\}\s*\]`)
	anyRole         = regexp.MustCompile(`\brole:`)
)

// mongoServer is a MongoDB this deployment runs: a StatefulSet of the mongo image (k8s/) or a compose
// service of it.
type mongoServer struct {
	file, who string
	name      string            // the StatefulSet or compose service
	hosts     []string          // the names clients reach it by (Services, or the compose service)
	args      []string          // what follows the entrypoint: mongod's options
	env       map[string]envVar // with the Secret it reads, or (compose) the text before interpolation
	domains   []string          // TICKETING_DOMAINS: whose users the init script creates
	scripts   []string          // the init scripts it mounts, by content
}

func isMongoImage(image string) bool {
	name, _, _ := strings.Cut(image, ":")
	return name == "mongo" || strings.HasSuffix(name, "/mongo")
}

// mongoServers are the StatefulSets under k8s/ that run MongoDB.
func (m *manifests) mongoServers() []mongoServer {
	var out []mongoServer
	for _, w := range m.workloads {
		if _, ok := w.obj.(*appsv1.StatefulSet); !ok {
			continue
		}
		for _, c := range w.pod.Containers {
			if !isMongoImage(c.Image) {
				continue
			}
			s := mongoServer{file: w.file, who: w.String() + " container " + c.Name, name: w.name, args: append(slices.Clone(c.Command), c.Args...), env: map[string]envVar{}}
			for n, e := range c.Env {
				v := envVar{value: e.Value, order: n}
				if e.ValueFrom != nil && e.ValueFrom.SecretKeyRef != nil {
					v.secret, v.key = e.ValueFrom.SecretKeyRef.Name, e.ValueFrom.SecretKeyRef.Key
					v.optional = e.ValueFrom.SecretKeyRef.Optional != nil && *e.ValueFrom.SecretKeyRef.Optional
				}
				s.env[e.Name] = v
			}
			s.domains = splitList(s.env["TICKETING_DOMAINS"].value)
			for _, name := range sortedKeys(m.services) {
				if sel := m.services[name].Spec.Selector; len(sel) > 0 && labels.SelectorFromSet(sel).Matches(labels.Set(w.labels)) {
					s.hosts = append(s.hosts, name)
				}
			}
			for _, vm := range c.VolumeMounts {
				if path.Clean(vm.MountPath) != mongoInitDir {
					continue
				}
				for _, v := range w.pod.Volumes {
					if v.Name == vm.Name && v.ConfigMap != nil {
						if cm, ok := m.configs[v.ConfigMap.Name]; ok {
							s.scripts = append(s.scripts, configMapScripts(cm)...)
						}
					}
				}
			}
			out = append(out, s)
		}
	}
	return out
}

func configMapScripts(cm *corev1.ConfigMap) []string {
	var out []string
	for _, key := range sortedKeys(cm.Data) {
		if strings.HasSuffix(key, ".js") || strings.HasSuffix(key, ".sh") {
			out = append(out, cm.Data[key])
		}
	}
	return out
}

func splitList(s string) []string {
	var out []string
	for _, part := range strings.Split(s, ",") {
		if part = strings.TrimSpace(part); part != "" {
			out = append(out, part)
		}
	}
	return out
}

// mongoClient is one app container's or compose service's URI to a domain's database.
type mongoClient struct {
	file, who string
	workload  string // the Deployment (k8s) or compose service
	domain    string
	uri       string
	env       map[string]envVar
}

// mongoClients lists every <DOMAIN>_MONGODB_URI the app containers under k8s/ set.
func (m *manifests) mongoClients(apps []*app) []mongoClient {
	var out []mongoClient
	for _, w := range m.workloads {
		for _, c := range w.pod.Containers {
			if appByImage(apps, c.Image) == nil {
				continue
			}
			env := podEnv(&report{}, w, c)
			for _, name := range sortedKeys(env) {
				if domain, ok := strings.CutSuffix(name, "_MONGODB_URI"); ok {
					out = append(out, mongoClient{file: w.file, who: w.String() + " container " + c.Name, workload: w.name, domain: strings.ToLower(domain), uri: env[name].value, env: env})
				}
			}
		}
	}
	return out
}

// uriHost is the host a MongoDB URI names ($(NAME) and ${NAME} placeholders allowed in it).
func uriHost(raw string) (*url.URL, string) {
	u, err := url.Parse(dependentVar.ReplaceAllString(raw, "x"))
	if err != nil {
		return nil, ""
	}
	host, _, err := net.SplitHostPort(u.Host)
	if err != nil {
		host = u.Host
	}
	return u, host
}

// checkMongoAuth holds every MongoDB to authentication: mongod runs with --auth, its root password
// comes from a Secret (k8s) or .env (compose), the init script creates one user per domain with
// readWrite on that domain's database alone, the server creates a user for exactly the domains whose
// clients connect to it, and every client's URI signs in as its domain's user with the password the
// server was given.
func checkMongoAuth(r *report, servers []mongoServer, clients []mongoClient, fromSecret func(s mongoServer, v envVar, name string) string, clientPassword func(c mongoClient, s mongoServer) string) {
	script, _ := r.read(mongoInitScript)
	if script != nil {
		if !domainUserGrant.Match(script) || len(anyRole.FindAll(script, -1)) != 1 {
			r.addf(mongoInitScript, `must grant each domain user exactly roles: [{ role: "readWrite", db: domain }]: no other role, no other database`)
		}
	}
	for _, s := range servers {
		if !slices.Contains(s.args, "--auth") {
			r.addf(s.file, "%s: MongoDB starts without --auth, so any client that reaches it reads and writes every database", s.who)
		}
		if s.env["MONGO_INITDB_ROOT_USERNAME"].value == "" {
			r.addf(s.file, "%s does not set MONGO_INITDB_ROOT_USERNAME: the image then creates no users and adds no --auth", s.who)
		}
		root, ok := s.env["MONGO_INITDB_ROOT_PASSWORD"]
		if !ok {
			r.addf(s.file, "%s does not set MONGO_INITDB_ROOT_PASSWORD: the image then creates no users and adds no --auth", s.who)
		} else if why := fromSecret(s, root, "MONGO_INITDB_ROOT_PASSWORD"); why != "" {
			r.addf(s.file, "%s: MONGO_INITDB_ROOT_PASSWORD %s", s.who, why)
		}
		switch {
		case len(s.scripts) == 0:
			r.addf(s.file, "%s mounts no script in %s, so no domain user is created and the apps can't sign in", s.who, mongoInitDir)
		case script != nil && !slices.Contains(s.scripts, string(script)):
			r.addf(s.file, "%s: the script it mounts in %s is not %s", s.who, mongoInitDir, mongoInitScript)
		}
		var wanted []string
		for _, c := range clients {
			if _, host := uriHost(c.uri); slices.Contains(s.hosts, host) && !slices.Contains(wanted, c.domain) {
				wanted = append(wanted, c.domain)
			}
		}
		sort.Strings(wanted)
		if have := slices.Sorted(slices.Values(s.domains)); !slices.Equal(have, wanted) {
			r.addf(s.file, "%s: TICKETING_DOMAINS is %q, but the URIs that name it are of the domains %q: each needs its user there, and only they", s.who, strings.Join(have, ","), strings.Join(wanted, ","))
		}
		for _, d := range s.domains {
			name := strings.ToUpper(d) + "_MONGODB_PASSWORD"
			v, ok := s.env[name]
			if !ok {
				r.addf(s.file, "%s does not set %s, the password of the %s user it creates", s.who, name, d)
			} else if why := fromSecret(s, v, name); why != "" {
				r.addf(s.file, "%s: %s %s", s.who, name, why)
			}
		}
	}
	for _, c := range clients {
		u, host := uriHost(c.uri)
		if u == nil {
			continue // reported by checkMongoURI
		}
		var server *mongoServer
		for i := range servers {
			if slices.Contains(servers[i].hosts, host) {
				server = &servers[i]
			}
		}
		if server == nil {
			continue // reported by checkMongoURI
		}
		password, hasPassword := u.User.Password()
		switch {
		case u.User == nil || !hasPassword || password == "":
			r.addf(c.file, "%s: %s_MONGODB_URI signs in as nobody (no user:password@): MongoDB runs with --auth", c.who, strings.ToUpper(c.domain))
		case u.User.Username() != c.domain:
			r.addf(c.file, "%s: %s_MONGODB_URI signs in as %q; it must be the %s user, which may only use its own database", c.who, strings.ToUpper(c.domain), u.User.Username(), c.domain)
		default:
			if why := clientPassword(c, *server); why != "" {
				r.addf(c.file, "%s: %s_MONGODB_URI %s", c.who, strings.ToUpper(c.domain), why)
			}
		}
	}
}

// checkK8sMongoAuth applies checkMongoAuth to the manifests: passwords from the server's own Secret
// (named after the StatefulSet), and the clients' URIs put together from the same Secret's key.
func checkK8sMongoAuth(r *report, m *manifests, apps []*app) {
	servers := m.mongoServers()
	fromSecret := func(s mongoServer, v envVar, name string) string {
		switch {
		case v.secret == "":
			return "is written into the manifest: take it from Secret " + s.name
		case v.secret != s.name || v.key != name:
			return "comes from key " + v.key + " of Secret " + v.secret + ": it must be key " + name + " of Secret " + s.name
		case v.optional:
			return "is optional: without it MongoDB would start without users"
		}
		return ""
	}
	clientPassword := func(c mongoClient, s mongoServer) string {
		name := strings.ToUpper(c.domain) + "_MONGODB_PASSWORD"
		if !strings.Contains(c.uri, ":$("+name+")@") {
			return "must take its password from $(" + name + "), the key of Secret " + s.name + " the server's user was created with"
		}
		v := c.env[name]
		if v.secret != s.name || v.key != name {
			return "takes its password from " + name + ", which must be key " + name + " of Secret " + s.name
		}
		return ""
	}
	checkMongoAuth(r, servers, m.mongoClients(apps), fromSecret, clientPassword)
}
