package io.tributary.orchestrator.run;

import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** One page of {@code GET /runs}. */
@Schema(
        description = "A page of flow runs, newest first",
        example = "{\"items\": [{\"id\": \"0b9f6a4e-2c1d-4e8f-9a7b-3c5d6e7f8a90\","
                + " \"flowId\": \"5e1c2d3f-4a5b-4c6d-8e7f-9a0b1c2d3e4f\","
                + " \"state\": {\"type\": \"COMPLETED\", \"name\": \"Completed\","
                + " \"timestamp\": \"2026-11-26T12:00:03.120Z\"},"
                + " \"eventId\": \"a6f0c1d2-3e4f-5a6b-7c8d-9e0f1a2b3c4d\", \"seriesKey\": \"/iot/plant|boiler-9\","
                + " \"result\": {\"mean\": 71.2}, \"createdAt\": \"2026-11-26T12:00:00.481Z\","
                + " \"startedAt\": \"2026-11-26T12:00:00.912Z\"}],"
                + " \"next\": \"MjAyNi0xMS0yNlQxMjowMDowMC40ODFaLzBiOWY2YTRlLTJjMWQtNGU4Zi05YTdiLTNjNWQ2ZTdmOGE5MA\"}")
public record RunPage(
        @Schema(description = "Newest first; ties on the creation time in id order")
        List<RunView> items,

        @Schema(
                description = "Cursor of the next page (pass it as `cursor` with the same filters), null on"
                        + " the last page; also in the `Link: <…>; rel=\"next\"` header",
                nullable = true)
        String next) {}
