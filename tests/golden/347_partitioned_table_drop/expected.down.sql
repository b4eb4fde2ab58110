-- shale:down of 0001_after

CREATE TABLE "public"."customers" (
	"id" bigint NOT NULL,
	"region" text NOT NULL
) PARTITION BY LIST (region);
--> statement-breakpoint
CREATE TABLE "public"."events" (
	"id" bigint NOT NULL,
	"created_at" date NOT NULL,
	"account_id" bigint NOT NULL,
	"kind" text NOT NULL,
	CONSTRAINT "events_pkey" PRIMARY KEY ("id", "created_at"),
	CONSTRAINT "events_kind_check" CHECK (kind <> '')
) PARTITION BY RANGE (created_at);
--> statement-breakpoint
CREATE TABLE "public"."sessions" (
	"id" bigint NOT NULL,
	"token" text,
	CONSTRAINT "sessions_id_key" UNIQUE ("id")
) PARTITION BY HASH (id);
--> statement-breakpoint
CREATE TABLE "public"."customers_eu" PARTITION OF "public"."customers" FOR VALUES IN ('de', 'fr');
--> statement-breakpoint
CREATE TABLE "public"."customers_us" PARTITION OF "public"."customers" FOR VALUES IN ('us');
--> statement-breakpoint
CREATE TABLE "public"."events_2026_01" PARTITION OF "public"."events" FOR VALUES FROM ('2026-01-01') TO ('2026-02-01');
--> statement-breakpoint
CREATE TABLE "public"."events_2026_02" PARTITION OF "public"."events" FOR VALUES FROM ('2026-02-01') TO ('2026-03-01');
--> statement-breakpoint
CREATE TABLE "public"."events_2026_03" PARTITION OF "public"."events" FOR VALUES FROM ('2026-03-01') TO ('2026-04-01');
--> statement-breakpoint
CREATE TABLE "public"."events_other" PARTITION OF "public"."events" DEFAULT;
--> statement-breakpoint
CREATE TABLE "public"."sessions_0" PARTITION OF "public"."sessions" FOR VALUES WITH (MODULUS 2, REMAINDER 0);
--> statement-breakpoint
CREATE TABLE "public"."sessions_1" PARTITION OF "public"."sessions" FOR VALUES WITH (MODULUS 2, REMAINDER 1);
--> statement-breakpoint
CREATE INDEX "events_account_id_created_at_idx" ON "public"."events" USING btree ("account_id", "created_at");
--> statement-breakpoint
ALTER TABLE "public"."events" ADD CONSTRAINT "events_account_id_fkey" FOREIGN KEY ("account_id") REFERENCES "public"."accounts"("id");
