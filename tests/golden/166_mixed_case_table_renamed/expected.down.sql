-- shale:down of 0001_after

ALTER TABLE "public"."Accounts" RENAME TO "UserAccounts";
--> statement-breakpoint
ALTER TABLE "public"."UserAccounts" RENAME CONSTRAINT "Accounts_Email_key" TO "UserAccounts_Email_key";
--> statement-breakpoint
ALTER TABLE "public"."UserAccounts" RENAME CONSTRAINT "Accounts_pkey" TO "UserAccounts_pkey";
--> statement-breakpoint
ALTER INDEX "public"."Accounts_Email_idx" RENAME TO "UserAccounts_Email_idx";
