package io.tributary.analytics.series;

import io.tributary.analytics.window.SeriesWindows;
import io.tributary.analytics.window.WindowCounters;
import io.tributary.http.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.BadRequestException;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code GET /series} and {@code GET /series/{key}}: the windows this instance holds, what they refused (too late)
 * or dropped (over the cap, idle), and one window's contents with the statistics of each metric. The key is the
 * series key ({@code source|subject}), URL-encoded ({@code %2Fiot%2Fplant%7Cboiler-9}) or as it is.
 */
@Path("/series")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(Roles.VIEWER)
public class SeriesResource {
    static final int MAX_SAMPLES = 10_000;

    private final SeriesWindows windows;

    public SeriesResource(SeriesWindows windows) {
        this.windows = windows;
    }

    @GET
    public SeriesList list() {
        List<SeriesList.Entry> entries = new ArrayList<>();
        windows.series().forEach((key, counters) -> entries.add(new SeriesList.Entry(key, counters)));
        return new SeriesList(entries.size(), windows.tooLate(), windows.evicted(), entries);
    }

    /** @param samples how many of the newest samples to list (the statistics cover the whole window) */
    @GET
    @Path("{key: .+}")
    public SeriesDetail one(@PathParam("key") String key, @QueryParam("samples") @DefaultValue("100") int samples) {
        if (samples < 0 || samples > MAX_SAMPLES) {
            throw new BadRequestException(
                    "Parameter 'samples' must be from 0 to " + MAX_SAMPLES + "; got " + samples + ".");
        }
        WindowCounters counters =
                windows.counters(key).orElseThrow(() -> new NotFoundException("No series '" + key + "' is held here."));
        return SeriesDetail.of(key, counters, windows, samples);
    }
}
