-- shale:down of 0001_after

CREATE SEQUENCE "public"."cart_numbers" AS bigint;
--> statement-breakpoint
CREATE SEQUENCE "public"."scratch_ids" AS bigint;
--> statement-breakpoint
CREATE SEQUENCE "public"."unused" AS bigint;
--> statement-breakpoint
ALTER TABLE "public"."carts" ALTER COLUMN "number" SET DEFAULT nextval('cart_numbers');
--> statement-breakpoint
CREATE TABLE "public"."scratch" (
	"id" bigint NOT NULL
);
--> statement-breakpoint
ALTER SEQUENCE "public"."scratch_ids" OWNED BY "public"."scratch"."id";
--> statement-breakpoint
COMMENT ON SEQUENCE "public"."scratch_ids" IS 'Goes with its table.';
