CREATE TABLE "public"."contacts" (
	"id" bigint NOT NULL,
	"email" varchar(320) NOT NULL,
	"balance" numeric(12,2) NOT NULL,
	"seen_at" timestamptz(3) NOT NULL,
	"country" char(2) NOT NULL,
	"aliases" varchar(64)[] NOT NULL,
	"rank" smallint,
	"grace" interval,
	CONSTRAINT "contacts_pkey" PRIMARY KEY ("id")
);
