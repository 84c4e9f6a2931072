package main

import (
	"bytes"
	"fmt"
	"os"
	"regexp"
	"strconv"
	"strings"

	"github.com/moby/buildkit/frontend/dockerfile/parser"
)

// A version of at least MAJOR.MINOR in a tag: 25.0.3_9-jre-noble, 3.9.11-eclipse-temurin-25,
// 16.10 (PostgreSQL's full versions have two parts). A bare major (21, 8) is not a pin.
var versionInTag = regexp.MustCompile(`(^|[^0-9.])\d+\.\d+`)

// pinned tells why an image reference is not pinned to a version, or nil when it is.
func pinned(ref string) error {
	if ref == "" {
		return fmt.Errorf("is empty")
	}
	if strings.Contains(ref, "@sha256:") {
		return nil
	}
	name, tag := ref, ""
	if i := strings.LastIndex(ref, ":"); i > strings.LastIndex(ref, "/") {
		name, tag = ref[:i], ref[i+1:]
	}
	switch {
	case strings.Contains(ref, "$"):
		return fmt.Errorf("%s uses a variable the check can't resolve", ref)
	case tag == "":
		return fmt.Errorf("%s has no tag (that is :latest)", name)
	case tag == "latest":
		return fmt.Errorf("%s is on :latest", ref)
	case !versionInTag.MatchString(tag):
		return fmt.Errorf("%s: tag %q is not a full version (at least MAJOR.MINOR, or a digest)", ref, tag)
	}
	return nil
}

type stage struct {
	name         string
	line         int
	user         string
	healthcheck  string
	exposes      []string
	entrypoint   string
	javaToolOpts string
}

// checkDockerfile parses an app's Dockerfile with BuildKit's parser and checks its stages: pinned
// bases, stage references that resolve, the Maven build of the app's module, and a final stage that
// runs as a non-root user, has a HEALTHCHECK on the actuator liveness path, exposes the app's port,
// sizes the JVM by the container's memory and starts the unpacked app on the JDK's class path.
func checkDockerfile(r *report, a *app) {
	data, ok := r.read(a.dockerfile)
	if !ok {
		return
	}
	file := a.dockerfile
	res, err := parser.Parse(bytes.NewReader(data))
	if err != nil {
		r.addf(file, "does not parse: %v", err)
		return
	}
	for _, w := range res.Warnings {
		r.addf(file, "parser warning: %s", w.Short)
	}
	globalArgs := map[string]string{}
	var stages []*stage
	builds := false
	nodeAt := 0 // the line of a FROM node:... stage
	for _, n := range res.AST.Children {
		args := nodeArgs(n)
		instr := strings.ToLower(n.Value)
		if instr != "from" && len(stages) == 0 {
			if instr == "arg" {
				for _, kv := range args {
					k, v, _ := strings.Cut(kv, "=")
					globalArgs[k] = v
				}
			}
			continue
		}
		var cur *stage
		if len(stages) > 0 {
			cur = stages[len(stages)-1]
		}
		switch instr {
		case "from":
			if len(args) == 0 {
				r.addf(file, "line %d: FROM without an image", n.StartLine)
				continue
			}
			base := expandArgs(args[0], globalArgs)
			if findStage(stages, base) == nil && base != "scratch" {
				if err := pinned(base); err != nil {
					r.addf(file, "line %d: FROM %s", n.StartLine, err)
				}
			}
			s := &stage{line: n.StartLine, name: strconv.Itoa(len(stages))}
			if len(args) == 3 && strings.EqualFold(args[1], "as") {
				s.name = args[2]
			}
			stages = append(stages, s)
		case "copy", "add":
			for _, f := range n.Flags {
				from, ok := strings.CutPrefix(f, "--from=")
				if !ok {
					continue
				}
				if findStage(stages[:len(stages)-1], from) != nil {
					continue
				}
				if !strings.ContainsAny(from, ":/@") {
					r.addf(file, "line %d: COPY --from=%s names no earlier stage", n.StartLine, from)
				} else if err := pinned(from); err != nil {
					r.addf(file, "line %d: COPY --from=%s", n.StartLine, err)
				}
			}
		case "run":
			if strings.Contains(n.Original, "mvn ") {
				builds = true
				if !strings.Contains(n.Original, "-pl "+a.name) || !strings.Contains(n.Original, "-am") {
					r.addf(file, "line %d: the Maven build should build only %s and what it needs (-pl %s -am)", n.StartLine, a.name, a.name)
				}
			}
		case "user":
			cur.user = strings.Join(args, " ")
		case "healthcheck":
			cur.healthcheck = strings.Join(args, " ")
		case "expose":
			cur.exposes = append(cur.exposes, args...)
		case "entrypoint", "cmd":
			cur.entrypoint = n.Original
		case "env":
			if strings.Contains(n.Original, "JAVA_TOOL_OPTIONS") {
				cur.javaToolOpts = n.Original
			}
		}
		if base := expandArgs(firstWord(args), globalArgs); instr == "from" && isNodeImage(base) {
			nodeAt = n.StartLine
		}
	}
	if len(stages) == 0 {
		r.addf(file, "has no FROM")
		return
	}
	if !builds {
		r.addf(file, "no stage runs the Maven build (mvn ... -pl %s -am)", a.name)
	}
	final := stages[len(stages)-1]
	where := fmt.Sprintf("final stage (line %d)", final.line)
	switch user, _, _ := strings.Cut(final.user, ":"); user {
	case "":
		r.addf(file, "%s has no USER: the container would run as root", where)
	case "root", "0":
		r.addf(file, "%s runs as USER %s", where, final.user)
	}
	switch {
	case final.healthcheck == "" || strings.EqualFold(final.healthcheck, "NONE"):
		r.addf(file, "%s has no HEALTHCHECK", where)
	case !strings.Contains(final.healthcheck, "/actuator/health/liveness"):
		r.addf(file, "%s: HEALTHCHECK does not hit /actuator/health/liveness", where)
	case a.managementPort != 0 && !strings.Contains(final.healthcheck, fmt.Sprintf("${MANAGEMENT_PORT:-%d}", a.managementPort)):
		r.addf(file, "%s: HEALTHCHECK must ask the actuator on ${MANAGEMENT_PORT:-%d}, where the %s app serves it", where, a.managementPort, a.name)
	}
	if a.port != 0 && !exposes(final.exposes, a.port) {
		r.addf(file, "%s: EXPOSE %s does not match the %s port %d", where, strings.Join(final.exposes, " "), a.name, a.port)
	}
	if a.managementPort != 0 && !exposes(final.exposes, a.managementPort) {
		r.addf(file, "%s: EXPOSE %s does not include the %s management port %d", where, strings.Join(final.exposes, " "), a.name, a.managementPort)
	}
	if m := javaToolOptions.FindStringSubmatch(final.javaToolOpts); m != nil {
		a.javaToolOptions = m[1]
	}
	if nodeAt != 0 && !buildNeedsNode(r, a.module) {
		r.addf(file, "line %d: a node stage, but the Maven build (-pl %s -am) reaches no module that runs npm: drop it", nodeAt, a.module)
	}
	switch {
	case final.entrypoint == "":
		r.addf(file, "%s has no ENTRYPOINT or CMD", where)
	case strings.Contains(final.entrypoint, "org.springframework.boot.loader"):
		// Its nested-jar class loader can freeze a cold process on virtual threads (README).
		r.addf(file, "%s starts Spring Boot's launcher: run the unpacked app with java -jar app.jar", where)
	}
	if final.javaToolOpts == "" {
		r.addf(file, "%s does not set JAVA_TOOL_OPTIONS: the JVM's heap, collector and processors, which deploy-check holds to the pods' limits", where)
	}
}

var javaToolOptions = regexp.MustCompile(`JAVA_TOOL_OPTIONS="([^"]*)"`)

func firstWord(args []string) string {
	if len(args) == 0 {
		return ""
	}
	return args[0]
}

func isNodeImage(ref string) bool {
	name, _, _ := strings.Cut(ref, ":")
	return name == "node" || strings.HasSuffix(name, "/node")
}

var (
	pomParent     = regexp.MustCompile(`(?s)<parent>.*?</parent>`)
	pomArtifactID = regexp.MustCompile(`<artifactId>([^<]+)</artifactId>`)
)

// buildNeedsNode tells whether `mvn -pl <module> -am` builds a module whose pom runs npm: the module
// and every module of the root pom it depends on, transitively.
func buildNeedsNode(r *report, module string) bool {
	root, err := os.ReadFile(r.path("pom.xml"))
	if err != nil {
		return true // can't tell; reported by checkRootFiles
	}
	byArtifact := map[string]string{} // artifactId -> module folder
	poms := map[string]string{}
	for _, m := range mavenModule.FindAllStringSubmatch(string(root), -1) {
		data, err := os.ReadFile(r.path(m[1] + "/pom.xml"))
		if err != nil {
			return true
		}
		poms[m[1]] = string(data)
		if id := pomArtifactID.FindStringSubmatch(pomParent.ReplaceAllString(string(data), "")); id != nil {
			byArtifact[id[1]] = m[1]
		}
	}
	seen := map[string]bool{}
	queue := []string{module}
	for len(queue) > 0 {
		mod := queue[0]
		queue = queue[1:]
		if seen[mod] {
			continue
		}
		seen[mod] = true
		if strings.Contains(poms[mod], "npm") {
			return true
		}
		for _, id := range pomArtifactID.FindAllStringSubmatch(pomParent.ReplaceAllString(poms[mod], ""), -1) {
			if dep, ok := byArtifact[id[1]]; ok && dep != mod {
				queue = append(queue, dep)
			}
		}
	}
	return false
}

// nodeArgs returns the words after an instruction (flags excluded).
func nodeArgs(n *parser.Node) []string {
	var out []string
	for next := n.Next; next != nil; next = next.Next {
		out = append(out, next.Value)
	}
	return out
}

func findStage(stages []*stage, ref string) *stage {
	for _, s := range stages {
		if strings.EqualFold(s.name, ref) {
			return s
		}
	}
	return nil
}

func expandArgs(s string, args map[string]string) string {
	for k, v := range args {
		if v != "" {
			s = strings.NewReplacer("${"+k+"}", v, "$"+k, v).Replace(s)
		}
	}
	return s
}

func exposes(ports []string, port int) bool {
	for _, p := range ports {
		if n, _, _ := strings.Cut(p, "/"); n == strconv.Itoa(port) {
			return true
		}
	}
	return false
}
