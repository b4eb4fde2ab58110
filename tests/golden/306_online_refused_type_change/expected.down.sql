-- shale:down of 0001_after
-- shale:data-loss: changes column "users"."age" from bigint to integer, which may lose or refuse values

ALTER TABLE "public"."users" ALTER COLUMN "age" SET DATA TYPE integer USING "age"::integer;
