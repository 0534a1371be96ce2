// The station's profile: name, class (sets the base rate of its plays),
// region and timezone (royalty periods — prime, off-peak — are in the
// station's own time).
import { stationEndpoints, type StationProfile } from '@zamio/api-client';
import {
  Button,
  Card,
  ErrorBanner,
  PageLoading,
  SelectField,
  TextField,
  notify,
  serverFormErrors,
  useApiClient,
} from '@zamio/ui';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useMemo, useState } from 'react';
import { useForm } from 'react-hook-form';
import { profileQueryKey } from '../airplay/station-queries';
import { REGIONS, STATION_CLASSES, timeZones } from '../profile/station-profile-options';

type FieldName = 'name' | 'stationClass' | 'region' | 'timezone';

function ProfileForm({ profile }: { profile: StationProfile }) {
  const api = useApiClient();
  const queryClient = useQueryClient();
  const zones = useMemo(timeZones, []);
  const [formError, setFormError] = useState<string | undefined>();
  const {
    register,
    handleSubmit,
    reset,
    setError,
    formState: { errors, isSubmitting, isDirty },
  } = useForm<{ name: string; stationClass: string; region: string; timezone: string }>({
    defaultValues: { ...profile, region: profile.region ?? '' },
  });
  const save = handleSubmit(async (values) => {
    setFormError(undefined);
    try {
      const saved = await stationEndpoints.updateProfile(api, {
        name: values.name.trim(),
        stationClass: values.stationClass as StationProfile['stationClass'],
        region: values.region || null,
        timezone: values.timezone,
      });
      queryClient.setQueryData(profileQueryKey, saved);
      reset({ ...saved, region: saved.region ?? '' });
      notify.success('Profile saved');
    } catch (error) {
      const mapped = serverFormErrors<FieldName>(error, {
        fields: ['name', 'stationClass', 'region', 'timezone'],
      });
      for (const [field, message] of Object.entries(mapped.fields) as [FieldName, string][])
        setError(field, { type: 'server', message });
      setFormError(mapped.form);
    }
  });
  return (
    <form className="zamio-form" onSubmit={save} noValidate data-testid="station-profile-form">
      <div className="zamio-grid">
        <TextField
          label="Station name"
          required
          error={errors.name?.message}
          {...register('name', {
            validate: (value) => (value.trim() === '' ? 'Enter the station name' : true),
          })}
        />
        <SelectField
          label="Class"
          hint="Sets the base rate per second of airplay."
          options={STATION_CLASSES}
          error={errors.stationClass?.message}
          {...register('stationClass')}
        />
        <SelectField
          label="Region"
          placeholder="Choose a region"
          options={REGIONS.map((region) => ({ value: region, label: region }))}
          error={errors.region?.message}
          {...register('region')}
        />
        <SelectField
          label="Timezone"
          hint="Prime time and off-peak are counted in this zone."
          options={zones.map((zone) => ({ value: zone, label: zone.replace(/_/g, ' ') }))}
          error={errors.timezone?.message}
          {...register('timezone')}
        />
      </div>
      {formError ? <ErrorBanner title="The profile was not saved" error={formError} /> : null}
      <div className="zamio-button-row">
        <Button type="submit" variant="primary" loading={isSubmitting} disabled={!isDirty}>
          Save profile
        </Button>
      </div>
    </form>
  );
}

export default function ProfilePage() {
  const api = useApiClient();
  const profile = useQuery({
    queryKey: profileQueryKey,
    queryFn: ({ signal }) => stationEndpoints.getProfile(api, signal),
  });
  return (
    <>
      <h1>Station profile</h1>
      {profile.isPending ? (
        <PageLoading />
      ) : profile.isError ? (
        <ErrorBanner
          title="The profile could not be loaded"
          error={profile.error}
          action={
            <Button size="sm" onClick={() => void profile.refetch()}>
              Try again
            </Button>
          }
        />
      ) : (
        <Card>
          <ProfileForm profile={profile.data} />
        </Card>
      )}
    </>
  );
}
