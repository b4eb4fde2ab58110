-- shale:down of 0001_after
-- shale:data-loss: changes column "users"."email" from varchar(320) to email, which may lose or refuse values

CREATE SCHEMA "billing";
--> statement-breakpoint
CREATE DOMAIN "billing"."quantity" AS "public"."positive" CONSTRAINT "small" CHECK (VALUE < 100);
--> statement-breakpoint
CREATE DOMAIN "public"."email" AS varchar(320) COLLATE "C" CONSTRAINT "email_has_at" CHECK (VALUE ~ '@');
--> statement-breakpoint
ALTER TABLE "public"."users" ALTER COLUMN "email" SET DATA TYPE "public"."email" USING "email"::"public"."email";
--> statement-breakpoint
CREATE TABLE "billing"."lines" (
	"id" bigint NOT NULL,
	"quantity" "billing"."quantity" NOT NULL,
	CONSTRAINT "lines_pkey" PRIMARY KEY ("id")
);
--> statement-breakpoint
ALTER TABLE "public"."users" ADD COLUMN "backup_email" "public"."email";
--> statement-breakpoint
COMMENT ON DOMAIN "public"."email" IS 'An e-mail address.';
