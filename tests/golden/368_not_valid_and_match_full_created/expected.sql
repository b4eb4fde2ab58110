-- hazard: ACQUIRES_ACCESS_EXCLUSIVE_LOCK locks table "payments" against reads and writes

CREATE TABLE "public"."accounts" (
	"id" bigint NOT NULL,
	"region" text NOT NULL,
	"number" integer NOT NULL,
	CONSTRAINT "accounts_pkey" PRIMARY KEY ("id"),
	CONSTRAINT "accounts_region_number_key" UNIQUE ("region", "number")
);
--> statement-breakpoint
CREATE TABLE "public"."payments" (
	"id" bigint NOT NULL,
	"account_id" bigint NOT NULL,
	"region" text,
	"number" integer,
	"amount" integer NOT NULL,
	CONSTRAINT "payments_pkey" PRIMARY KEY ("id")
);
--> statement-breakpoint
ALTER TABLE "public"."payments" ADD CONSTRAINT "payments_amount_positive" CHECK (amount > 0) NOT VALID;
--> statement-breakpoint
ALTER TABLE "public"."payments" ADD CONSTRAINT "payments_account_id_fkey" FOREIGN KEY ("account_id") REFERENCES "public"."accounts"("id") NOT VALID;
--> statement-breakpoint
ALTER TABLE "public"."payments" ADD CONSTRAINT "payments_region_number_fkey" FOREIGN KEY ("region", "number") REFERENCES "public"."accounts"("region", "number") MATCH FULL ON DELETE CASCADE;
