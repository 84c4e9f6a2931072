package main

import (
	"regexp"
	"slices"
	"sort"
	"strings"
)

// The file that names the task queues (TaskQueues.ALL); deploy-check's table below must know each.
const taskQueuesFile = "workflows/src/main/java/dev/ticketing/workflows/TaskQueues.java"

// queue is what one task queue's workers need, as workers/src/main/java/dev/ticketing/workers/
// QueueWorkers.java sets it up: the database its domain owns, those it only reads (through its own
// user's read grant, never their owner's), and the outside services its activities call.
type queue struct {
	owns   string
	reads  []string
	stripe bool // its activities call Stripe: it needs STRIPE_KEY (empty: the offline sandbox)
	mail   bool // its activities send email over SMTP: it needs MAIL_HOST, MAIL_PORT and MAIL_FROM
}

var queues = map[string]queue{
	"orders":   {owns: "orders"},
	"tickets":  {owns: "tickets"},
	"payments": {owns: "payments", stripe: true},
	"payouts":  {owns: "payouts", stripe: true},
	// It looks up each recipient's address in the users database, which it may only read.
	"notifications": {owns: "notifications", reads: []string{"users"}, mail: true},
}

var queueConstant = regexp.MustCompile(`static final String \w+ = "([a-z-]+)";`)

// taskQueues reads the queues the code serves and holds deploy-check's table to them: a queue the
// table lacks would be deployed unchecked, one the code lacks is stale. It returns every queue a
// deployment must serve.
func taskQueues(r *report) []string {
	data, ok := r.read(taskQueuesFile)
	if !ok {
		return sortedKeys(queues)
	}
	var out []string
	for _, m := range queueConstant.FindAllStringSubmatch(string(data), -1) {
		if _, known := queues[m[1]]; !known {
			r.addf(taskQueuesFile, "names the task queue %q, which deploy-check does not know: add it to queues in deploy-check/queues.go with the stores it uses", m[1])
		}
		out = append(out, m[1])
	}
	for _, q := range sortedKeys(queues) {
		if !slices.Contains(out, q) {
			r.addf(taskQueuesFile, "has no task queue %q, which deploy-check/queues.go still describes", q)
		}
	}
	sort.Strings(out)
	return out
}

// stores are the domains whose databases a queue's workers own or read.
func (q queue) stores() []string {
	return append([]string{q.owns}, q.reads...)
}

// domainsOf are every domain the apps or the queues name a database of: the apps' <DOMAIN>_MONGODB_URI
// settings and the queues' stores.
func domainsOf(apps []*app) []string {
	var out []string
	add := func(d string) {
		if !slices.Contains(out, d) {
			out = append(out, d)
		}
	}
	for _, a := range apps {
		for _, d := range a.stores() {
			add(d)
		}
	}
	for _, q := range queues {
		for _, d := range q.stores() {
			add(d)
		}
	}
	sort.Strings(out)
	return out
}

// stores are the domains whose <DOMAIN>_MONGODB_URI an app reads.
func (a *app) stores() []string {
	var out []string
	for _, name := range a.settings {
		if d, ok := strings.CutSuffix(name, "_MONGODB_URI"); ok {
			out = append(out, strings.ToLower(d))
		}
	}
	return out
}
