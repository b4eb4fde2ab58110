-- shale:no-transaction
-- hazard: ACQUIRES_ACCESS_EXCLUSIVE_LOCK locks table "accounts" against reads and writes

-- outside a transaction each statement commits on its own: the scans of
-- VALIDATE CONSTRAINT hold only a SHARE UPDATE EXCLUSIVE lock (writes go on)
SET lock_timeout = '2s';
--> statement-breakpoint
ALTER TABLE "public"."accounts" ADD CONSTRAINT "accounts_handle_key" UNIQUE USING INDEX "accounts_handle_key";
--> statement-breakpoint
ALTER TABLE "public"."accounts" ADD CONSTRAINT "accounts_pkey" PRIMARY KEY USING INDEX "accounts_pkey";
