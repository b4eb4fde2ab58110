SET lock_timeout = '5s';
--> statement-breakpoint
ALTER TABLE "people" RENAME TO "users";
--> statement-breakpoint
ALTER TABLE "auth"."accounts" RENAME TO "logins";
--> statement-breakpoint
ALTER TABLE "public"."invoices" SET SCHEMA "billing";
