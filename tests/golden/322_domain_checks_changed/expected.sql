-- hazard: BACKWARD_INCOMPATIBLE adds check "code_length" to domain "code": fails if a column using it holds a value it refuses
-- hazard: BACKWARD_INCOMPATIBLE adds check "code_letters" to domain "code": fails if a column using it holds a value it refuses

ALTER DOMAIN "public"."code" DROP CONSTRAINT "code_gone";
--> statement-breakpoint
ALTER DOMAIN "public"."code" DROP CONSTRAINT "code_length";
--> statement-breakpoint
ALTER DOMAIN "public"."code" ADD CONSTRAINT "code_length" CHECK (length(VALUE) BETWEEN 2 AND 3);
--> statement-breakpoint
ALTER DOMAIN "public"."code" ADD CONSTRAINT "code_letters" CHECK (VALUE ~ '^[A-Z]+$');
--> statement-breakpoint
ALTER DOMAIN "public"."code" RENAME CONSTRAINT "code_upper" TO "code_is_upper";
