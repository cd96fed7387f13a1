import { Duration, RemovalPolicy } from 'aws-cdk-lib';
import {
  AccountRecovery,
  CfnUserPoolGroup,
  CfnUserPoolUser,
  CfnUserPoolUserToGroupAttachment,
  ClientAttributes,
  FeaturePlan,
  Mfa,
  OAuthScope,
  StandardThreatProtectionMode,
  StringAttribute,
  UserPool,
  type UserPoolClient,
  type UserPoolDomain,
} from 'aws-cdk-lib/aws-cognito';
import { Construct } from 'constructs';
import { groups } from '#shared/kernel/caller.ts';

export interface AuthProps {
  domainPrefix: string;
  /** Where the hosted sign-in returns to and signs out to (the pages' addresses). */
  callbackUrls: string[];
  /** The first admin, created with the pool; every other account is invited from the Pengguna page. */
  adminEmail: string;
}

const GROUP_DESCRIPTIONS: Record<(typeof groups)[number], string> = {
  admin: 'DPMD administrators',
  organizer: 'DPMD organizers',
  kecamatan: "A kecamatan's Kasi Pemerintahan: its own desa only (custom:kecamatan)",
};

/**
 * Organizer and admin accounts: a Cognito user pool (no self sign-up; admins invite people),
 * one group per access level, and a public app client for the pages (authorization code + PKCE).
 */
export class Auth extends Construct {
  readonly userPool: UserPool;
  readonly client: UserPoolClient;
  readonly domain: UserPoolDomain;

  constructor(scope: Construct, id: string, props: AuthProps) {
    super(scope, id);
    this.userPool = new UserPool(this, 'Users', {
      selfSignUpEnabled: false,
      signInAliases: { email: true },
      standardAttributes: { fullname: { required: true, mutable: true }, email: { required: true, mutable: true } },
      // Which kecamatan a kecamatan account acts for. The pages' client may read it, never write it:
      // only the users function (admins) sets it, with AdminUpdateUserAttributes.
      customAttributes: { kecamatan: new StringAttribute({ minLen: 8, maxLen: 8, mutable: true }) },
      passwordPolicy: {
        minLength: 12,
        requireDigits: true,
        requireLowercase: true,
        requireUppercase: true,
        requireSymbols: true,
      },
      // Every account can change who sits on a committee or what a village received: a second factor is required.
      mfa: Mfa.REQUIRED,
      mfaSecondFactor: { sms: false, otp: true },
      accountRecovery: AccountRecovery.EMAIL_ONLY,
      deletionProtection: true,
      removalPolicy: RemovalPolicy.RETAIN,
      // Election data: adaptive authentication and compromised-credential checks are worth the Plus tier.
      featurePlan: FeaturePlan.PLUS,
      standardThreatProtectionMode: StandardThreatProtectionMode.FULL_FUNCTION,
    });
    const created = new Map<string, CfnUserPoolGroup>();
    for (const group of groups) {
      created.set(
        group,
        new CfnUserPoolGroup(this, `Group-${group}`, {
          userPoolId: this.userPool.userPoolId,
          groupName: group,
          description: GROUP_DESCRIPTIONS[group],
        }),
      );
    }
    // The first admin: Cognito e-mails the invitation (a temporary password); the rest are invited from the app.
    const firstAdmin = new CfnUserPoolUser(this, 'FirstAdmin', {
      userPoolId: this.userPool.userPoolId,
      username: props.adminEmail,
      desiredDeliveryMediums: ['EMAIL'],
      userAttributes: [
        { name: 'email', value: props.adminEmail },
        { name: 'email_verified', value: 'true' },
        { name: 'name', value: 'Admin DPMD' },
      ],
    });
    const membership = new CfnUserPoolUserToGroupAttachment(this, 'FirstAdminIsAdmin', {
      userPoolId: this.userPool.userPoolId,
      groupName: 'admin',
      username: props.adminEmail,
    });
    membership.addDependency(firstAdmin);
    membership.addDependency(created.get('admin') as CfnUserPoolGroup);
    this.domain = this.userPool.addDomain('Domain', { cognitoDomain: { domainPrefix: props.domainPrefix } });
    this.client = this.userPool.addClient('Pages', {
      generateSecret: false,
      authFlows: { userSrp: true },
      oAuth: {
        flows: { authorizationCodeGrant: true },
        scopes: [OAuthScope.OPENID, OAuthScope.EMAIL, OAuthScope.PROFILE],
        callbackUrls: props.callbackUrls,
        logoutUrls: props.callbackUrls,
      },
      // A short ID token, renewed by the pages with the refresh token (rotated on each use), so a desk
      // stays signed in for its day while a disabled account's access ends within the hour.
      idTokenValidity: Duration.hours(1),
      accessTokenValidity: Duration.hours(1),
      refreshTokenValidity: Duration.hours(14),
      enableTokenRevocation: true,
      readAttributes: new ClientAttributes()
        .withStandardAttributes({ fullname: true, email: true, emailVerified: true })
        .withCustomAttributes('kecamatan'),
      writeAttributes: new ClientAttributes().withStandardAttributes({ fullname: true }),
      preventUserExistenceErrors: true,
    });
  }
}
