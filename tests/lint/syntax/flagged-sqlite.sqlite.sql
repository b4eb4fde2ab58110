CREATE TABLE "users" ("id" integer PRIMARY KEY, "email" text NOT NULL);
--> statement-breakpoint
CREATE TABLE "teams" ("id" integer PRIMARY KEY
