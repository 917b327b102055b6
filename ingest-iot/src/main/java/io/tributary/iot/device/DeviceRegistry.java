package io.tributary.iot.device;

import io.tributary.contract.dlq.DeadLetterReason;
import io.tributary.iot.intake.IotConfig;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The devices seen since start, for operators looking for silent ones. Bounded: past {@code max-devices} a new
 * device is not remembered (a misbehaving publisher inventing ids must not exhaust memory).
 */
@ApplicationScoped
public class DeviceRegistry {
    private final Map<String, DeviceStatus> devices = new ConcurrentHashMap<>();
    private final int maxDevices;

    public DeviceRegistry(IotConfig config) {
        this.maxDevices = config.maxDevices();
    }

    public void accepted(String source, String device, Instant at) {
        update(source, device, at, null);
    }

    public void rejected(String source, String device, Instant at, DeadLetterReason reason, String detail) {
        update(source, device, at, new DeviceStatus.LastError(reason, detail, at));
    }

    /** Every device, the longest silent first. */
    public List<DeviceStatus> all() {
        return devices.values().stream()
                .sorted(Comparator.comparing(DeviceStatus::lastSeen))
                .toList();
    }

    private void update(String source, String device, Instant at, DeviceStatus.LastError error) {
        String key = source + "|" + device;
        if (!devices.containsKey(key) && devices.size() >= maxDevices) {
            return;
        }
        devices.compute(
                key,
                (k, seen) -> seen == null
                        ? new DeviceStatus(source, device, at, at, 1, error == null ? 0 : 1, error)
                        : new DeviceStatus(
                                source,
                                device,
                                seen.firstSeen(),
                                at.isAfter(seen.lastSeen()) ? at : seen.lastSeen(),
                                seen.messages() + 1,
                                seen.deadLetters() + (error == null ? 0 : 1),
                                error == null ? seen.lastError() : error));
    }
}
