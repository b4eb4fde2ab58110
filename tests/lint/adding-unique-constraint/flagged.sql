SET lock_timeout = '5s';
--> statement-breakpoint
ALTER TABLE "users" ADD CONSTRAINT "users_email_key" UNIQUE ("email");
--> statement-breakpoint
ALTER TABLE "accounts" ADD PRIMARY KEY ("id");
--> statement-breakpoint
ALTER TABLE "users" ADD COLUMN "handle" text UNIQUE;
