package io.tributary.iot.device;

import io.tributary.http.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.BadRequestException;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;

/** {@code GET /devices}: the devices seen since start, the longest silent first. */
@Path("/devices")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(Roles.VIEWER)
public class DeviceResource {
    private final DeviceRegistry registry;

    public DeviceResource(DeviceRegistry registry) {
        this.registry = registry;
    }

    /**
     * @param silentFor only devices not heard from for at least this long (ISO-8601 duration, e.g. {@code PT10M})
     */
    @GET
    public List<DeviceStatus> devices(@QueryParam("silentFor") String silentFor) {
        if (silentFor == null) {
            return registry.all();
        }
        Instant before;
        try {
            before = Instant.now().minus(Duration.parse(silentFor));
        } catch (DateTimeParseException e) {
            throw new BadRequestException("silentFor must be an ISO-8601 duration such as PT10M");
        }
        return registry.all().stream()
                .filter(device -> device.lastSeen().isBefore(before))
                .toList();
    }
}
