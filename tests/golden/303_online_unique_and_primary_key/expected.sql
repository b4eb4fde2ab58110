-- hazard: INDEX_BUILD builds the index of constraint "accounts_handle_key" on "accounts"
-- hazard: ACQUIRES_ACCESS_EXCLUSIVE_LOCK locks table "accounts" against reads and writes
-- hazard: INDEX_BUILD builds the index of constraint "accounts_pkey" on "accounts"
-- hazard: ACQUIRES_ACCESS_EXCLUSIVE_LOCK locks table "accounts" against reads and writes

ALTER TABLE "public"."accounts" ADD CONSTRAINT "accounts_handle_key" UNIQUE ("handle");
--> statement-breakpoint
ALTER TABLE "public"."accounts" ADD CONSTRAINT "accounts_pkey" PRIMARY KEY ("id");
