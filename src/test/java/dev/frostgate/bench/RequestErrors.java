package dev.frostgate.bench;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.LongAdder;

/** Failed requests by kind, with the first few messages kept for the report; any makes the run invalid. */
final class RequestErrors {
    private final Map<String, LongAdder> byKind = new ConcurrentHashMap<>();
    private final ConcurrentLinkedQueue<String> examples = new ConcurrentLinkedQueue<>();
    private final LongAdder total = new LongAdder();

    void record(String phase, Exception failure) {
        String kind = phase + ": " + (failure instanceof RequestFailed failed ? failed.kind()
                : failure.getClass().getSimpleName());
        byKind.computeIfAbsent(kind, key -> new LongAdder()).increment();
        total.increment();
        if (examples.size() < 10) {
            examples.add(phase + ": " + failure.getMessage());
        }
    }

    long total() {
        return total.sum();
    }

    Map<String, Long> byKind() {
        Map<String, Long> copy = new LinkedHashMap<>();
        byKind.forEach((kind, count) -> copy.put(kind, count.sum()));
        return copy;
    }

    List<String> firstMessages() {
        return List.copyOf(examples);
    }
}
