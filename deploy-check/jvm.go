package main

import (
	"regexp"
	"strconv"
	"strings"

	corev1 "k8s.io/api/core/v1"
)

// What a JVM of these apps holds outside its heap (metaspace, code cache, symbols, thread stacks, G1's
// remembered sets and marking bitmaps, malloc arenas), measured with the images' flags (G1, two
// processors, -Xms320m -Xmx320m) by `make bench` with BENCH_PHASES=warmup,rush,expiry: peak RSS
// (VmHWM) 576 MiB for the API after the 1,000-buyer rush and the 1,000-order expiry storm, 524 MiB
// for the workers (all three queues in one process), so 256 and 204 MiB beside a 320 MiB heap.
const offHeapMiB = 256

var (
	maxHeap     = regexp.MustCompile(`(?:^|\s)-Xmx(\d+)([kKmMgG]?)(?:\s|$)`)
	heapPercent = regexp.MustCompile(`-XX:MaxRAMPercentage=([\d.]+)`)
	processors  = regexp.MustCompile(`-XX:ActiveProcessorCount=(\d+)`)
	collector   = regexp.MustCompile(`-XX:\+Use(\w+)GC\b`)
)

// Below this much memory, or below 2 CPUs, the JVM takes SerialGC (it is not a "server class" machine).
const serverClassMB = 1792

// jvmFlags are the JVM options a container runs with: its own JAVA_TOOL_OPTIONS, else its image's.
func jvmFlags(c corev1.Container, a *app) string {
	for _, e := range c.Env {
		if e.Name == "JAVA_TOOL_OPTIONS" {
			return e.Value
		}
	}
	return a.javaToolOptions
}

// checkJVMBudget holds an app container's JVM to its resources: an explicit collector other than
// Serial and at least two processors (what the JVM picks by itself in a 1-CPU or small container is
// SerialGC and a single virtual-thread carrier), a CPU limit that lets those processors run at once,
// a heap that leaves offHeapMiB under the memory limit, and memory requested as much as the limit.
func checkJVMBudget(r *report, file, who string, c corev1.Container, a *app) {
	flags := jvmFlags(c, a)
	limit, hasLimit := c.Resources.Limits[corev1.ResourceMemory]
	request, hasRequest := c.Resources.Requests[corev1.ResourceMemory]
	cpu, hasCPU := c.Resources.Limits[corev1.ResourceCPU]
	if !hasLimit || !hasCPU {
		return // reported by checkPod
	}
	limitMiB := int(limit.Value() >> 20)
	switch m := collector.FindStringSubmatch(flags); {
	case m == nil:
		r.addf(file, "%s: JAVA_TOOL_OPTIONS %q names no garbage collector: in a container under 2 CPUs or %d MB the JVM picks SerialGC", who, flags, serverClassMB)
	case m[1] == "Serial":
		r.addf(file, "%s: JAVA_TOOL_OPTIONS picks SerialGC, which stops every request for each collection", who)
	}
	n := 0
	if m := processors.FindStringSubmatch(flags); m != nil {
		n, _ = strconv.Atoi(m[1])
	}
	switch {
	case n == 0:
		// Without the flag the JVM counts the CPU limit, rounded up: 1 means SerialGC and one carrier.
		r.addf(file, "%s: JAVA_TOOL_OPTIONS does not set -XX:ActiveProcessorCount, so the JVM's GC and carrier threads follow the CPU limit (%s: %d processor(s)); at 1 it runs SerialGC and one carrier thread for every virtual thread", who, cpu.String(), (cpu.MilliValue()+999)/1000)
	case n < 2:
		r.addf(file, "%s: -XX:ActiveProcessorCount=%d gives the JVM SerialGC's sizing and one carrier thread for every virtual thread: give it 2 or more", who, n)
	case cpu.MilliValue() < int64(n)*1000:
		r.addf(file, "%s: the JVM runs %d processors' worth of threads (-XX:ActiveProcessorCount=%d) under a CPU limit of %s: it would be throttled", who, n, n, cpu.String())
	}
	heap := 0
	if m := maxHeap.FindStringSubmatch(flags); m != nil {
		heap = mebibytes(m[1], m[2])
	} else if m := heapPercent.FindStringSubmatch(flags); m != nil {
		pct, _ := strconv.ParseFloat(m[1], 64)
		heap = int(pct * float64(limitMiB) / 100)
	} else {
		heap = limitMiB / 4 // the JVM's default MaxRAMPercentage
	}
	if heap+offHeapMiB > limitMiB {
		r.addf(file, "%s: a %d MiB heap leaves %d MiB of its %d MiB memory limit for everything off the heap, which needs %d (measured, deploy-check/jvm.go): the kernel would kill it under load", who, heap, limitMiB-heap, limitMiB, offHeapMiB)
	}
	if hasRequest && request.Cmp(limit) != 0 {
		r.addf(file, "%s requests %s of memory but may use %s: a JVM gives little back, so the pod lives above its request, first to be evicted when the node runs short; request the limit", who, request.String(), limit.String())
	}
}

func mebibytes(n, unit string) int {
	v, _ := strconv.Atoi(n)
	switch strings.ToLower(unit) {
	case "g":
		return v << 10
	case "m":
		return v
	case "k":
		return v >> 10
	}
	return v >> 20
}
