CREATE SEQUENCE "public"."invoice_codes" AS bigint;
--> statement-breakpoint
CREATE TABLE "public"."invoices" (
	"number" serial NOT NULL,
	"code" bigint DEFAULT nextval('invoice_codes') NOT NULL
);
--> statement-breakpoint
ALTER SEQUENCE "public"."invoice_codes" OWNED BY "public"."invoices"."code";
