/*
 * The reference Scripts/bench-x509 measures GMCrypto's certificate reading against:
 * OpenSSL's own d2i_X509 + X509_free on the same DER file, counted against user CPU
 * time like Benchmarks/Tools/GMCryptoSpeed. Prints "d2i_X509 <certificates per second>".
 *
 *   cc -O2 d2i_loop.c -lcrypto -o d2i_loop && ./d2i_loop cert.der SECONDS
 */
#include <openssl/x509.h>
#include <stdio.h>
#include <stdlib.h>
#include <sys/resource.h>

static double user_seconds(void) {
    struct rusage usage;
    getrusage(RUSAGE_SELF, &usage);
    return usage.ru_utime.tv_sec + usage.ru_utime.tv_usec / 1e6;
}

int main(int argc, char **argv) {
    static unsigned char der[65536];
    if (argc < 3) return 2;
    FILE *file = fopen(argv[1], "rb");
    if (file == NULL) return 2;
    long length = (long)fread(der, 1, sizeof der, file);
    fclose(file);
    double seconds = atof(argv[2]), start = user_seconds(), elapsed = 0;
    long count = 0;
    while (elapsed < seconds) {
        for (int i = 0; i < 16; i++) {
            const unsigned char *cursor = der;
            X509 *certificate = d2i_X509(NULL, &cursor, length);
            if (certificate == NULL) return 1;
            X509_free(certificate);
        }
        count += 16;
        elapsed = user_seconds() - start;
    }
    printf("d2i_X509 %.2f\n", count / elapsed);
    return 0;
}
