CREATE TABLE "public"."orders" (
	"id" bigint NOT NULL,
	"total" numeric NOT NULL,
	"discount" numeric,
	"payload" jsonb NOT NULL,
	"shipping" jsonb NOT NULL,
	"extra" jsonb,
	CONSTRAINT "orders_pkey" PRIMARY KEY ("id")
);
