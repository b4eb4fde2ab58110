-- shale:down of 0001_after

ALTER SEQUENCE "public"."adopted" OWNED BY NONE;
--> statement-breakpoint
ALTER SEQUENCE "public"."order_ids" OWNED BY NONE;
--> statement-breakpoint
ALTER TABLE "public"."orders" ADD COLUMN "legacy" bigint NOT NULL;
--> statement-breakpoint
ALTER SEQUENCE "public"."loose" OWNED BY "public"."orders"."id";
--> statement-breakpoint
ALTER SEQUENCE "public"."order_ids" OWNED BY "public"."orders"."legacy";
