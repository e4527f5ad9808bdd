import { describe, expect, test } from 'vitest';
import { allowedS3Endpoints, defaultS3Endpoint, matchAllowedS3Endpoint } from './s3-endpoints';

describe('S3 endpoint allow-list', () => {
  const env = {
    TRAILHOUND_S3_ENDPOINT: 'http://minio.internal:9000/',
    TRAILHOUND_S3_ENDPOINTS: ' https://s3.eu.example.com , not a url, ftp://x',
  };

  test('lists the default and the configured endpoints as origins, dropping invalid entries', () => {
    expect(allowedS3Endpoints(env)).toEqual(['http://minio.internal:9000', 'https://s3.eu.example.com']);
    expect(allowedS3Endpoints({})).toEqual([]);
    expect(defaultS3Endpoint(env)).toBe('http://minio.internal:9000');
    expect(defaultS3Endpoint({})).toBeUndefined();
  });

  test('accepts an allowed endpoint however it is spelled, and nothing else', () => {
    expect(matchAllowedS3Endpoint('HTTP://MINIO.internal:9000', env)).toBe('http://minio.internal:9000');
    expect(matchAllowedS3Endpoint('https://s3.eu.example.com/some/path', env)).toBe(
      'https://s3.eu.example.com',
    );
    expect(matchAllowedS3Endpoint('http://169.254.169.254', env)).toBeNull();
    expect(matchAllowedS3Endpoint('http://minio.internal:9001', env)).toBeNull();
    expect(matchAllowedS3Endpoint('http://minio.internal:9000@evil.example', env)).toBeNull();
    expect(matchAllowedS3Endpoint('https://s3.amazonaws.com', {})).toBeNull();
  });
});
