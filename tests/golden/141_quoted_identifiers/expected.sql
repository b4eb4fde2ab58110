CREATE TABLE "public"."order" (
	"id" bigint NOT NULL,
	"user" text NOT NULL,
	"select" integer NOT NULL,
	"CamelCase" text,
	CONSTRAINT "order_pkey" PRIMARY KEY ("id")
);
--> statement-breakpoint
CREATE INDEX "order_user_select_idx" ON "public"."order" USING btree ("user", "select");
