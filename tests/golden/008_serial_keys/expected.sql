CREATE TABLE "public"."tickets" (
	"id" bigserial NOT NULL,
	"seq" serial NOT NULL,
	"short_seq" smallserial NOT NULL,
	CONSTRAINT "tickets_pkey" PRIMARY KEY ("id")
);
