package icsim.experiment;

import icsim.model.CareSystem;
import icsim.model.Rates;
import icsim.scenario.Scenario;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;

/**
 * Heap a replication keeps alive: runs one, then collects garbage while the model is still referenced and
 * reads the heap in use above the baseline. People's state dominates it, so it is reported per person.
 */
public final class MemoryProbe {
    public record Result(double seconds, long events, long retainedBytes, long peakSampledBytes) {
    }

    private MemoryProbe() {
    }

    public static Result measure(Scenario scenario) throws InterruptedException {
        MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
        System.gc();
        long baseline = memory.getHeapMemoryUsage().getUsed();
        long[] peak = {baseline};
        Thread sampler = new Thread(() -> {
            while (!Thread.currentThread().isInterrupted()) {
                synchronized (peak) {
                    peak[0] = Math.max(peak[0], memory.getHeapMemoryUsage().getUsed());
                }
                try {
                    Thread.sleep(5);
                } catch (InterruptedException e) {
                    return;
                }
            }
        });
        sampler.setDaemon(true);
        sampler.start();
        long start = System.nanoTime();
        CareSystem system = new CareSystem(scenario, new Rates(scenario), 0, 0, null, 0);
        long events = system.run().events();
        double seconds = (System.nanoTime() - start) / 1e9;
        sampler.interrupt();
        sampler.join();
        System.gc();
        long retained = memory.getHeapMemoryUsage().getUsed() - baseline;
        java.lang.ref.Reference.reachabilityFence(system);
        synchronized (peak) {
            return new Result(seconds, events, retained, peak[0] - baseline);
        }
    }
}
