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
	// The only grants a user may have: readWrite on its own domain's database, and read on a database
	// TICKETING_READS names for it.
	ownGrantScript  = regexp.MustCompile(`\{\s*role:\s*"readWrite",\s*db:\s*domain\s*\}`)
	readGrantScript = regexp.MustCompile(`\{\s*role:\s*"read",\s*db:\s*database\s*\}`)
	anyRole         = regexp.MustCompile(`\brole:`)
)

// readGrant is one TICKETING_READS pair: the reader domain's user may read that database.
type readGrant struct{ reader, database string }

func (g readGrant) String() string { return g.reader + ":" + g.database }

// mongoServer is a MongoDB this deployment runs: a StatefulSet of the mongo image (k8s/) or a compose
// service of it.
type mongoServer struct {
	file, who string
	name      string            // the StatefulSet or compose service
	hosts     []string          // the names clients reach it by (Services, or the compose service)
	args      []string          // what follows the entrypoint: mongod's options
	env       map[string]envVar // with the Secret it reads, or (compose) the text before interpolation
	domains   []string          // TICKETING_DOMAINS: whose users the init script creates
	reads     []readGrant       // TICKETING_READS: the readers' users it creates, or grants read
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
			s.domains, s.reads = splitList(s.env["TICKETING_DOMAINS"].value), parseReads(s.env["TICKETING_READS"].value)
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

// parseReads reads TICKETING_READS ("<reader>:<database>,...").
func parseReads(value string) []readGrant {
	var out []readGrant
	for _, pair := range splitList(value) {
		reader, database, _ := strings.Cut(pair, ":")
		out = append(out, readGrant{strings.TrimSpace(reader), strings.TrimSpace(database)})
	}
	return out
}

// users are the users the init script creates on the server: its domains', then its readers'.
func (s mongoServer) users() []string {
	out := slices.Clone(s.domains)
	for _, g := range s.reads {
		if !slices.Contains(out, g.reader) {
			out = append(out, g.reader)
		}
	}
	return out
}

// mongoPasswords say whether a server's or a client's password comes from where it must: the server's
// env var (named for the user whose password it is, "" for root), and a client's URI as its user.
type mongoPasswords struct {
	server func(s mongoServer, v envVar, name, user string) string
	client func(c mongoClient, user string, s mongoServer) string
}

// checkMongoAuth holds every MongoDB to authentication: mongod runs with --auth, its root password
// comes from a Secret (k8s) or .env (compose), the init script creates one user per domain with
// readWrite on that domain's database alone (and read on another's only where TICKETING_READS says),
// the server creates users for exactly the domains whose clients connect to it and grants read to
// exactly the readers among them, and every client's URI signs in as its domain's user, or as a
// reader granted read there, with the password the server was given.
func checkMongoAuth(r *report, servers []mongoServer, clients []mongoClient, passwords mongoPasswords) {
	script, _ := r.read(mongoInitScript)
	if script != nil {
		if len(ownGrantScript.FindAll(script, -1)) != 1 || len(readGrantScript.FindAll(script, -1)) != 1 || len(anyRole.FindAll(script, -1)) != 2 {
			r.addf(mongoInitScript, `must grant a domain's user exactly { role: "readWrite", db: domain } (its own database) and, for each database TICKETING_READS names for it, { role: "read", db: database }: no other role, no other database`)
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
		} else if why := passwords.server(s, root, "MONGO_INITDB_ROOT_PASSWORD", ""); why != "" {
			r.addf(s.file, "%s: MONGO_INITDB_ROOT_PASSWORD %s", s.who, why)
		}
		switch {
		case len(s.scripts) == 0:
			r.addf(s.file, "%s mounts no script in %s, so no domain user is created and the apps can't sign in", s.who, mongoInitDir)
		case script != nil && !slices.Contains(s.scripts, string(script)):
			r.addf(s.file, "%s: the script it mounts in %s is not %s", s.who, mongoInitDir, mongoInitScript)
		}
		var wanted, readers []string
		for _, c := range clients {
			u, host := uriHost(c.uri)
			if !slices.Contains(s.hosts, host) {
				continue
			}
			if !slices.Contains(wanted, c.domain) {
				wanted = append(wanted, c.domain)
			}
			if u != nil && u.User != nil && u.User.Username() != c.domain {
				if g := (readGrant{u.User.Username(), c.domain}).String(); !slices.Contains(readers, g) {
					readers = append(readers, g)
				}
			}
		}
		sort.Strings(wanted)
		sort.Strings(readers)
		if have := slices.Sorted(slices.Values(s.domains)); !slices.Equal(have, wanted) {
			r.addf(s.file, "%s: TICKETING_DOMAINS is %q, but the URIs that name it are of the domains %q: each needs its user there, and only they", s.who, strings.Join(have, ","), strings.Join(wanted, ","))
		}
		var granted []string
		for _, g := range s.reads {
			granted = append(granted, g.String())
			if !slices.Contains(s.domains, g.database) {
				r.addf(s.file, "%s: TICKETING_READS grants %s read on %s, which is not one of its TICKETING_DOMAINS: the init script stops there", s.who, g.reader, g.database)
			}
		}
		sort.Strings(granted)
		if !slices.Equal(granted, readers) {
			r.addf(s.file, "%s: TICKETING_READS is %q, but the URIs that sign in to it as another domain's user read %q: each such reader needs its grant, and only they", s.who, strings.Join(granted, ","), strings.Join(readers, ","))
		}
		for _, user := range s.users() {
			name := strings.ToUpper(user) + "_MONGODB_PASSWORD"
			v, ok := s.env[name]
			if !ok {
				r.addf(s.file, "%s does not set %s, the password of the %s user it creates", s.who, name, user)
			} else if why := passwords.server(s, v, name, user); why != "" {
				r.addf(s.file, "%s: %s %s", s.who, name, why)
			}
		}
	}
	for _, c := range clients {
		checkMongoClient(r, c, servers, passwords)
	}
}

// checkMongoClient holds a client's URI to its user: the domain's own, or a reader the server grants
// read on that domain's database, which authenticates in its own domain's database (authSource).
func checkMongoClient(r *report, c mongoClient, servers []mongoServer, passwords mongoPasswords) {
	u, host := uriHost(c.uri)
	if u == nil {
		return // reported by checkMongoURI
	}
	i := slices.IndexFunc(servers, func(s mongoServer) bool { return slices.Contains(s.hosts, host) })
	if i < 0 {
		return // reported by checkMongoURI
	}
	server := servers[i]
	variable := strings.ToUpper(c.domain) + "_MONGODB_URI"
	password, hasPassword := u.User.Password()
	if u.User == nil || !hasPassword || password == "" {
		r.addf(c.file, "%s: %s signs in as nobody (no user:password@): MongoDB runs with --auth", c.who, variable)
		return
	}
	user, authSource := u.User.Username(), u.Query().Get("authSource")
	reader := slices.Contains(server.reads, readGrant{user, c.domain})
	switch {
	case user != c.domain && !reader:
		r.addf(c.file, "%s: %s signs in as %q; it must be the %s user, which may only use its own database, or a reader %s's TICKETING_READS grants read on it", c.who, variable, user, c.domain, server.name)
		return
	case reader && authSource != user:
		r.addf(c.file, "%s: %s signs in as the reader %s, whose user lives in the %s database: add ?authSource=%s, or it fails to authenticate", c.who, variable, user, user, user)
	case !reader && authSource != "" && authSource != user:
		r.addf(c.file, "%s: %s authenticates in %s, but the %s user lives in the %s database", c.who, variable, authSource, user, user)
	}
	if why := passwords.client(c, user, server); why != "" {
		r.addf(c.file, "%s: %s %s", c.who, variable, why)
	}
}

// checkK8sMongoAuth applies checkMongoAuth to the manifests: each password from one Secret, that of
// the server holding the user's own domain (named after its StatefulSet: a reader's password is its
// domain's, wherever it is granted read), and the clients' URIs put together from that Secret's key.
func checkK8sMongoAuth(r *report, m *manifests, apps []*app) {
	servers := m.mongoServers()
	home := func(user string, s mongoServer) string {
		for _, other := range servers {
			if user != "" && slices.Contains(other.domains, user) {
				return other.name
			}
		}
		return s.name
	}
	fromSecret := func(s mongoServer, v envVar, name, user string) string {
		switch secret := home(user, s); {
		case v.secret == "":
			return "is written into the manifest: take it from Secret " + secret
		case v.secret != secret || v.key != name:
			return "comes from key " + v.key + " of Secret " + v.secret + ": it must be key " + name + " of Secret " + secret
		case v.optional:
			return "is optional: without it MongoDB would start without users"
		}
		return ""
	}
	clientPassword := func(c mongoClient, user string, s mongoServer) string {
		name, secret := strings.ToUpper(user)+"_MONGODB_PASSWORD", home(user, s)
		if !strings.Contains(c.uri, ":$("+name+")@") {
			return "must take its password from $(" + name + "), the key of Secret " + secret + " the server's user was created with"
		}
		v := c.env[name]
		if v.secret != secret || v.key != name {
			return "takes its password from " + name + ", which must be key " + name + " of Secret " + secret
		}
		return ""
	}
	checkMongoAuth(r, servers, m.mongoClients(apps), mongoPasswords{fromSecret, clientPassword})
}
