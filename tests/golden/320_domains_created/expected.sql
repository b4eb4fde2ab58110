CREATE SCHEMA "billing";
--> statement-breakpoint
CREATE DOMAIN "public"."positive" AS integer DEFAULT 1 NOT NULL CONSTRAINT "positive_check" CHECK (VALUE > 0) CONSTRAINT "positive_check1" CHECK (VALUE < 1000000);
--> statement-breakpoint
CREATE DOMAIN "billing"."quantity" AS "public"."positive" CONSTRAINT "small" CHECK (VALUE < 100);
--> statement-breakpoint
CREATE DOMAIN "public"."email" AS varchar(320) COLLATE "C" CONSTRAINT "email_has_at" CHECK (VALUE ~ '@');
--> statement-breakpoint
CREATE TABLE "billing"."lines" (
	"id" bigint NOT NULL,
	"quantity" "billing"."quantity" NOT NULL,
	CONSTRAINT "lines_pkey" PRIMARY KEY ("id")
);
--> statement-breakpoint
CREATE TABLE "public"."users" (
	"id" bigint NOT NULL,
	"email" "public"."email" NOT NULL,
	"backup_email" "public"."email",
	"logins" "public"."positive" NOT NULL,
	CONSTRAINT "users_pkey" PRIMARY KEY ("id")
);
--> statement-breakpoint
COMMENT ON DOMAIN "public"."email" IS 'An e-mail address.';
