-- shale:down of 0001_after
-- shale:data-loss: changes column "line_items"."quantity" from bigint to integer, which may lose or refuse values
-- shale:data-loss: changes column "line_items"."unit_cents" from bigint to integer, which may lose or refuse values

ALTER TABLE "public"."line_items" DROP COLUMN "total_cents";
--> statement-breakpoint
ALTER TABLE "public"."line_items" ALTER COLUMN "quantity" SET DATA TYPE integer USING "quantity"::integer;
--> statement-breakpoint
ALTER TABLE "public"."line_items" ALTER COLUMN "unit_cents" SET DATA TYPE integer USING "unit_cents"::integer;
--> statement-breakpoint
ALTER TABLE "public"."line_items" ADD COLUMN "total_cents" integer GENERATED ALWAYS AS (quantity * unit_cents) STORED NOT NULL;
