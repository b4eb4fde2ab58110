-- shale:down of 0001_after

ALTER DOMAIN "public"."code" DROP CONSTRAINT "code_length";
--> statement-breakpoint
ALTER DOMAIN "public"."code" DROP CONSTRAINT "code_letters";
--> statement-breakpoint
ALTER DOMAIN "public"."code" ADD CONSTRAINT "code_gone" CHECK (VALUE <> 'XXX');
--> statement-breakpoint
ALTER DOMAIN "public"."code" ADD CONSTRAINT "code_length" CHECK (length(VALUE) = 3);
--> statement-breakpoint
ALTER DOMAIN "public"."code" RENAME CONSTRAINT "code_is_upper" TO "code_upper";
