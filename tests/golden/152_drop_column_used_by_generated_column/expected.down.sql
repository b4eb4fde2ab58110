-- shale:down of 0001_after

ALTER TABLE "public"."products" ADD COLUMN "vat_cents" bigint NOT NULL;
--> statement-breakpoint
ALTER TABLE "public"."products" ADD COLUMN "gross_cents" bigint GENERATED ALWAYS AS (net_cents + vat_cents) STORED NOT NULL;
