-- ingest-api's tables live in their own schema (quarkus.flyway.schemas): the database may be the orchestrator's.

-- One row per polled source: what the next poll needs, and which replica may poll it until when.
create table source_state (
    source_name   text primary key,
    -- {since}: when the last complete poll (all its pages read) started.
    watermark     timestamptz,
    -- Validators of the first page's last 200 response, sent back as If-None-Match / If-Modified-Since.
    etag          text,
    last_modified text,
    -- A poll stopped before its last page (max-pages, a failure): the next poll reads on from this URL, and stores
    -- resume_since as the watermark once the last page is read.
    resume_url    text,
    resume_since  timestamptz,
    lease_owner   text,
    lease_until   timestamptz not null default '-infinity',
    updated_at    timestamptz not null default now()
);

-- Records published (by event id), records dead-lettered (by content hash), webhook signatures and idempotency keys:
-- one seen again is not processed again. Rows older than the retention are swept in batches.
create table seen (
    source_name text not null,
    key         text not null,
    seen_at     timestamptz not null default now(),
    primary key (source_name, key)
);
create index seen_by_age on seen (seen_at);
