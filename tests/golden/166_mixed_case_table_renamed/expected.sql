-- hazard: BACKWARD_INCOMPATIBLE renames table "UserAccounts" to "Accounts": code using the previous name breaks
-- hazard: ACQUIRES_ACCESS_EXCLUSIVE_LOCK locks table "UserAccounts" against reads and writes
-- hazard: ACQUIRES_ACCESS_EXCLUSIVE_LOCK locks table "Accounts" against reads and writes
-- hazard: ACQUIRES_ACCESS_EXCLUSIVE_LOCK locks table "Accounts" against reads and writes

ALTER TABLE "public"."UserAccounts" RENAME TO "Accounts";
--> statement-breakpoint
ALTER TABLE "public"."Accounts" RENAME CONSTRAINT "UserAccounts_Email_key" TO "Accounts_Email_key";
--> statement-breakpoint
ALTER TABLE "public"."Accounts" RENAME CONSTRAINT "UserAccounts_pkey" TO "Accounts_pkey";
--> statement-breakpoint
ALTER INDEX "public"."UserAccounts_Email_idx" RENAME TO "Accounts_Email_idx";
